import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type GraphQLContext, Role, requireCaller, requireRole } from '../common/context.js';
import { Form } from './form.entity.js';
import { createDraft, publishFormVersion, updateDraft } from './form.service.js';
import { FormVersion, FormVersionStatus } from './form-version.entity.js';

/** Drafts are work in progress of the administration; everyone else sees versions in force or archived. */
function canSeeDrafts(context: GraphQLContext): boolean {
  return requireCaller(context).roles.includes(Role.ADMIN);
}

@Resolver(() => Form)
export class FormResolver {
  @Query(() => [Form], { description: 'Alle Formulare.' })
  forms(@Ctx() context: GraphQLContext): Promise<Form[]> {
    requireCaller(context);
    return context.em.find(Form, {}, { orderBy: { key: 'asc' } });
  }

  @Query(() => Form, { nullable: true })
  form(@Arg('key', () => String) key: string, @Ctx() context: GraphQLContext): Promise<Form | null> {
    requireCaller(context);
    return context.em.findOne(Form, { key });
  }

  @FieldResolver(() => FormVersion, { nullable: true, description: 'Die Fassung in Kraft.' })
  published(@Root() form: Form, @Ctx() context: GraphQLContext): Promise<FormVersion | null> {
    return context.loaders.publishedVersion.load(form.key);
  }

  @FieldResolver(() => [FormVersion], { description: 'Alle Fassungen, neueste zuerst.' })
  versions(@Root() form: Form, @Ctx() context: GraphQLContext): Promise<FormVersion[]> {
    const where = canSeeDrafts(context)
      ? { form: form.key }
      : { form: form.key, status: { $ne: FormVersionStatus.DRAFT } };
    return context.em.find(FormVersion, where, { orderBy: { number: 'desc' } });
  }
}

@Resolver(() => FormVersion)
export class FormVersionResolver {
  @Query(() => FormVersion, { nullable: true })
  async formVersion(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<FormVersion | null> {
    requireCaller(context);
    const version = await context.em.findOne(FormVersion, { id });
    if (version?.status === FormVersionStatus.DRAFT && !canSeeDrafts(context)) return null;
    return version;
  }

  @FieldResolver(() => String)
  formKey(@Root() version: FormVersion): string {
    return version.form.key;
  }

  @FieldResolver(() => Form)
  form(@Root() version: FormVersion, @Ctx() context: GraphQLContext): Promise<Form> {
    return context.em.findOneOrFail(Form, { key: version.form.key });
  }

  @Mutation(() => FormVersion, { description: 'Legt einen Entwurf als neue Fassung an.' })
  createDraft(
    @Arg('formKey', () => String) formKey: string,
    @Arg('fromVersionId', () => ID, { nullable: true }) fromVersionId: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<FormVersion> {
    const caller = requireRole(context, Role.ADMIN);
    return createDraft(context.em, { caller, formKey, fromVersionId });
  }

  @Mutation(() => FormVersion, {
    description: 'Speichert einen Entwurf (optimistische Sperre über revision).',
  })
  updateDraft(
    @Arg('id', () => ID) id: string,
    @Arg('schema', () => GraphQLJSON) schema: unknown,
    @Arg('uischema', () => GraphQLJSON) uischema: unknown,
    @Arg('expectedRevision', () => Int) expectedRevision: number,
    @Ctx() context: GraphQLContext,
  ): Promise<FormVersion> {
    const caller = requireRole(context, Role.ADMIN);
    return updateDraft(context.em, { caller, id, schema, uischema, expectedRevision });
  }

  @Mutation(() => FormVersion, {
    description: 'Setzt einen Entwurf in Kraft; die bisherige Fassung wird archiviert.',
  })
  publishFormVersion(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<FormVersion> {
    const caller = requireRole(context, Role.ADMIN);
    return publishFormVersion(context.em, { caller, id });
  }
}
