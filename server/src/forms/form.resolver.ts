import { GraphQLJSON } from 'graphql-scalars';
import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { runCommand } from '../common/command.js';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import { can } from '../common/policy.js';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { FieldErrorsPayload } from '../common/field-error.js';
import { formSubmissionPolicy } from '../submissions/submission.policy.js';
import { Form } from './form.entity.js';
import { CreateDraftArgs, UpdateDraftArgs } from './form.inputs.js';
import { formPolicy, formVersionViewerCan, visibleFormVersions } from './form.policy.js';
import { archiveFormVersion, createDraft, publishFormVersion, updateDraft } from './form.service.js';
import { FormVersion } from './form-version.entity.js';
import type { FormVersionContent } from './form-version-cache.js';

@ObjectType({
  description: 'Entweder die gespeicherte Fassung oder Feldfehler (dann wurde nichts geändert).',
})
export class FormVersionPayload extends FieldErrorsPayload {
  @Field(() => FormVersion, { nullable: true })
  formVersion!: FormVersion | null;
}

/** A form's version list is bounded, so the query cost rule's estimate for `Form.versions` is a real bound. */
export const MAX_VERSIONS_LISTED = 50;

@ObjectType({ description: 'Was die angemeldete Person mit diesem Formular tun darf.' })
export class FormViewerCan {
  @Field(() => Boolean, { description: 'Das Formular ausfüllen und einreichen.' })
  submit!: boolean;

  @Field(() => Boolean, { description: 'Einen Entwurf einer neuen Fassung anlegen.' })
  createDraft!: boolean;
}

@ObjectType({ description: 'Was die angemeldete Person mit dieser Fassung tun darf.' })
export class FormVersionViewerCan {
  @Field(() => Boolean, { description: 'Den Entwurf bearbeiten.' })
  update!: boolean;

  @Field(() => Boolean, { description: 'Den Entwurf in Kraft setzen.' })
  publish!: boolean;

  @Field(() => Boolean, { description: 'Den Entwurf beiseitelegen (archivieren).' })
  archive!: boolean;

  @Field(() => Boolean, { description: 'Einen neuen Entwurf aus dieser Fassung beginnen.' })
  createDraftFrom!: boolean;
}

@Resolver(() => Form)
export class FormResolver {
  @Query(() => [Form], { description: 'Alle Formulare.' })
  async forms(@Ctx() context: GraphQLContext): Promise<Form[]> {
    const caller = requireCaller(context);
    return (await context.formCatalog.forms())
      .map((entry) => entry.form)
      .filter((form) => can(formPolicy, caller, 'read', form));
  }

  @Query(() => Form, { nullable: true })
  async form(@Arg('key', () => String) key: string, @Ctx() context: GraphQLContext): Promise<Form | null> {
    const caller = requireCaller(context);
    const form = (await context.formCatalog.entry(key))?.form ?? null;
    return form && can(formPolicy, caller, 'read', form) ? form : null;
  }

  @FieldResolver(() => FormVersion, { nullable: true, description: 'Die Fassung in Kraft.' })
  async published(@Root() form: Form, @Ctx() context: GraphQLContext): Promise<FormVersion | null> {
    return (await context.formCatalog.entry(form.key))?.published ?? null;
  }

  @FieldResolver(() => [FormVersion], {
    description: `Die Fassungen, neueste zuerst (höchstens ${MAX_VERSIONS_LISTED}).`,
  })
  versions(@Root() form: Form, @Ctx() context: GraphQLContext): Promise<FormVersion[]> {
    return context.em.find(
      FormVersion,
      { $and: [{ form: form.key }, visibleFormVersions(context.caller)] },
      { orderBy: { number: 'desc' }, limit: MAX_VERSIONS_LISTED },
    );
  }

  @FieldResolver(() => FormViewerCan)
  viewerCan(@Root() form: Form, @Ctx() context: GraphQLContext): FormViewerCan {
    return {
      submit: can(formSubmissionPolicy, context.caller, 'submit', form),
      createDraft: can(formPolicy, context.caller, 'createDraft', form),
    };
  }
}

/** The content of a version: from the entity when this request loaded it, else from the process cache. */
async function contentOf(
  version: FormVersion,
  context: GraphQLContext,
): Promise<Pick<FormVersionContent, 'schema' | 'uischema' | 'sampleData'>> {
  const { schema, uischema, sampleData } = version;
  if (schema !== undefined && uischema !== undefined && sampleData !== undefined) {
    return { schema, uischema, sampleData };
  }
  const content = await context.formVersions.content(context.em, version.id);
  if (!content) throw new Error(`form version ${version.id} has no content`);
  return content;
}

@Resolver(() => FormVersion)
export class FormVersionResolver {
  @Query(() => FormVersion, { nullable: true })
  async formVersion(
    @Arg('id', () => UUIDScalar) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<FormVersion | null> {
    const caller = requireCaller(context);
    return context.em.findOne(FormVersion, { $and: [{ id }, visibleFormVersions(caller)] });
  }

  @FieldResolver(() => FormVersionViewerCan)
  viewerCan(@Root() version: FormVersion, @Ctx() context: GraphQLContext): FormVersionViewerCan {
    return formVersionViewerCan(context.caller, version);
  }

  @FieldResolver(() => String)
  formKey(@Root() version: FormVersion): string {
    return version.form.key;
  }

  @FieldResolver(() => Form)
  async form(@Root() version: FormVersion, @Ctx() context: GraphQLContext): Promise<Form> {
    const entry = await context.formCatalog.entry(version.form.key);
    return entry?.form ?? context.em.findOneOrFail(Form, { key: version.form.key });
  }

  @FieldResolver(() => GraphQLJSON, { description: 'JSON Schema der Daten, mit x-derived-Ausdrücken.' })
  async schema(@Root() version: FormVersion, @Ctx() context: GraphQLContext): Promise<unknown> {
    return (await contentOf(version, context)).schema;
  }

  @FieldResolver(() => GraphQLJSON, { description: 'JSON-Forms-UI-Schema.' })
  async uischema(@Root() version: FormVersion, @Ctx() context: GraphQLContext): Promise<unknown> {
    return (await contentOf(version, context)).uischema;
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description: 'Beispieldaten, die das Formular füllen.',
  })
  async sampleData(@Root() version: FormVersion, @Ctx() context: GraphQLContext): Promise<unknown> {
    return (await contentOf(version, context)).sampleData;
  }

  @Mutation(() => FormVersion, { description: 'Legt einen Entwurf als neue Fassung an.' })
  createDraft(
    @Args(() => CreateDraftArgs) args: CreateDraftArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<FormVersion> {
    return runCommand(context, 'createDraft', (cmd) => createDraft(cmd, args));
  }

  @Mutation(() => FormVersionPayload, {
    description: 'Speichert einen Entwurf (optimistische Sperre über revision).',
  })
  updateDraft(
    @Args(() => UpdateDraftArgs) args: UpdateDraftArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<FormVersionPayload> {
    return runCommand(context, 'updateDraft', (cmd) => updateDraft(cmd, args));
  }

  @Mutation(() => FormVersionPayload, {
    description:
      'Setzt einen Entwurf in Kraft; die bisherige Fassung wird archiviert. Eine fehlerhafte Definition wird mit Feldfehlern beantwortet.',
  })
  async publishFormVersion(
    @Arg('id', () => UUIDScalar) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<FormVersionPayload> {
    const result = await runCommand(context, 'publishFormVersion', (cmd) => publishFormVersion(cmd, { id }));
    context.formCatalog.invalidate();
    return result;
  }

  @Mutation(() => FormVersionPayload, {
    description:
      'Legt einen Entwurf beiseite: er wird archiviert und bleibt in der Versionsliste; danach kann ein neuer Entwurf begonnen werden. Die Fassung in Kraft wird nur durch das Veröffentlichen einer anderen archiviert.',
  })
  archiveFormVersion(
    @Arg('id', () => UUIDScalar) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<FormVersionPayload> {
    return runCommand(context, 'archiveFormVersion', (cmd) => archiveFormVersion(cmd, { id }));
  }
}
