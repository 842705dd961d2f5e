import { Args, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import {
  builder,
  capFieldErrors,
  checkFormDefinition,
  checkProcessContract,
} from '../../../form-logic/index.js';
import { type GraphQLContext, Role, requireRole, requireCaller } from '../common/context.js';
import { NotFound } from '../common/errors.js';
import { FieldError } from '../common/field-error.js';
import { CheckFormDefinitionArgs, FormVersionDiffArgs } from './form.inputs.js';
import { visibleFormVersions } from './form.policy.js';
import { FormVersion } from './form-version.entity.js';

@ObjectType({ description: 'Was die Prüfung einer Formulardefinition gefunden hat.' })
export class FormDefinitionCheck {
  @Field(() => [FieldError], { description: 'Jedes Problem der Definition selbst.' })
  errors!: FieldError[];

  @Field(() => [FieldError], {
    description:
      'Was der Ablauf an diesem Formular braucht und fehlt; solange nicht leer, wird nicht veröffentlicht.',
  })
  contractErrors!: FieldError[];
}

@ObjectType({ description: 'Eine Änderung zwischen zwei Fassungen, in einem deutschen Satz.' })
export class FormChange {
  @Field(() => String, { description: 'Art der Änderung, z. B. fieldAdded, constraintChanged.' })
  kind!: string;

  @Field(() => String, { description: 'JSON Pointer des Feldes im Schema oder Pfad im UI-Schema.' })
  path!: string;

  @Field(() => String, { description: 'Die Bezeichnungen des Feldes von außen nach innen, mit „ › “.' })
  label!: string;

  @Field(() => String, { description: 'Die Änderung als deutscher Satz.' })
  text!: string;
}

/** The builder's tools around versions: definition check and diff. */
@Resolver()
export class FormAdminResolver {
  @Query(() => FormDefinitionCheck, {
    description:
      'Prüft eine Formulardefinition wie beim Veröffentlichen, mit den Anforderungen des Ablaufs (nur Administration).',
  })
  async checkFormDefinition(
    @Args(() => CheckFormDefinitionArgs) args: CheckFormDefinitionArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<FormDefinitionCheck> {
    requireRole(context, Role.ADMIN);
    const definition = { schema: args.schema, uischema: args.uischema };
    return {
      errors: capFieldErrors(await checkFormDefinition(definition)).errors,
      contractErrors: checkProcessContract(args.formKey, definition),
    };
  }

  @Query(() => [FormChange], {
    description: 'Die Änderungen von Fassung fromId (älter) zu Fassung toId (neuer), in deutschen Sätzen.',
  })
  async formVersionDiff(
    @Args(() => FormVersionDiffArgs) args: FormVersionDiffArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<FormChange[]> {
    const caller = requireCaller(context);
    const versions = await context.em.find(FormVersion, {
      $and: [{ id: { $in: [args.fromId, args.toId] } }, visibleFormVersions(caller)],
    });
    const from = versions.find((version) => version.id === args.fromId);
    const to = versions.find((version) => version.id === args.toId);
    if (!from || !to) throw NotFound('Die Formularfassung');
    const [fromContent, toContent] = await Promise.all(
      [from, to].map((version) => context.formVersions.content(context.em, version.id)),
    );
    if (!fromContent || !toContent) throw NotFound('Die Formularfassung');
    return builder
      .diffVersions(
        { ...fromContent, title: from.title, description: from.description ?? undefined },
        { ...toContent, title: to.title, description: to.description ?? undefined },
      )
      .map(({ kind, path, label, text }) => ({ kind, path, label, text }));
  }
}
