import { Arg, Args, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import {
  builder,
  capFieldErrors,
  checkFormDefinition,
  checkProcessContract,
} from '../../../form-logic/index.js';
import { type GraphQLContext, Role, requireRole, requireCaller } from '../common/context.js';
import { runCommand } from '../common/command.js';
import { NotFound } from '../common/errors.js';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { FieldError } from '../common/field-error.js';
import { CheckFormDefinitionArgs, FormVersionDiffArgs, ImportFormDefinitionArgs } from './form.inputs.js';
import { FormVersionPayload } from './form.resolver.js';
import {
  checkFormImpact,
  MAX_EXAMPLE_ERRORS,
  MAX_IMPACT_EXAMPLES,
  MAX_IMPACT_REASONS,
} from './form-impact.js';
import { importFormDefinition } from './form-transfer.js';
import { visibleFormVersions } from './form.policy.js';
import { FormVersion, FormVersionStatus } from './form-version.entity.js';

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

@ObjectType({ description: 'Eine Art gespeicherter Datensätze, die die Auswirkungsprüfung geprüft hat.' })
export class FormImpactGroup {
  @Field(() => String, {
    description:
      'SUBMISSION, APPLICATION_DRAFT, APPLICATION, SCORE_DRAFT, SCORE, EVALUATION_DRAFT oder EVALUATION.',
  })
  kind!: string;

  @Field(() => String, { description: 'Deutsche Bezeichnung, z. B. „Eingereichte Formulare“.' })
  label!: string;

  @Field(() => Int, { description: 'Geprüfte Datensätze.' })
  checked!: number;

  @Field(() => Int, { description: 'Datensätze, die der neuen Fassung nicht genügen.' })
  failing!: number;
}

@ObjectType({ description: 'Ein Grund, aus dem Datensätze der neuen Fassung nicht genügen.' })
export class FormImpactReason {
  @Field(() => String, {
    description: 'JSON Pointer des Feldes; Listeneinträge zusammengefasst als * (z. B. /goals/*/goal).',
  })
  path!: string;

  @Field(() => String)
  message!: string;

  @Field(() => Int, { description: 'Wie viele Datensätze diesen Fehler haben.' })
  count!: number;
}

@ObjectType({ description: 'Ein Datensatz, der der neuen Fassung nicht genügt, mit seinen Fehlern.' })
export class FormImpactExample {
  @Field(() => String)
  kind!: string;

  @Field(() => String, { description: 'Benennt den Datensatz, z. B. „Einreichung vom 03.11.2026“.' })
  label!: string;

  @Field(() => ID)
  recordId!: string;

  @Field(() => [FieldError], { description: `Höchstens ${MAX_EXAMPLE_ERRORS} Fehler.` })
  errors!: FieldError[];
}

@ObjectType({
  description:
    'Was die neue Fassung für die gespeicherten Daten der Fassung in Kraft bedeuten würde (Auswirkungsprüfung).',
})
export class FormImpact {
  @Field(() => FormVersion, {
    nullable: true,
    description: 'Die Fassung in Kraft; leer, wenn es keine gibt.',
  })
  inForce!: FormVersion | null;

  @Field(() => Int, { description: 'Geprüfte Datensätze.' })
  checked!: number;

  @Field(() => Int, {
    description:
      'Datensätze, die der neuen Fassung nicht genügen (Entwürfe nur mit Fehlern, die sie in der Fassung in Kraft nicht haben).',
  })
  failing!: number;

  @Field(() => [FormImpactGroup])
  groups!: FormImpactGroup[];

  @Field(() => [FormImpactReason], {
    description: `Die häufigsten Gründe zuerst, höchstens ${MAX_IMPACT_REASONS}.`,
  })
  reasons!: FormImpactReason[];

  @Field(() => [FormImpactExample], { description: `Höchstens ${MAX_IMPACT_EXAMPLES} Beispiele.` })
  examples!: FormImpactExample[];

  @Field(() => [FieldError], { description: 'Probleme der Definition selbst.' })
  definitionErrors!: FieldError[];

  @Field(() => [FieldError], {
    description:
      'Was der Ablauf an diesem Formular braucht und fehlt; solange nicht leer, wird nicht veröffentlicht.',
  })
  contractErrors!: FieldError[];
}

/** The builder's tools around versions: definition check, diff, impact check and import. */
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

  @Query(() => FormImpact, {
    description:
      'Auswirkungsprüfung (nur Administration): prüft die gespeicherten Einreichungen und Entwürfe der Fassung in Kraft gegen die Fassung versionId.',
  })
  async formImpact(
    @Arg('versionId', () => UUIDScalar) versionId: string,
    @Ctx() context: GraphQLContext,
  ): Promise<FormImpact> {
    requireRole(context, Role.ADMIN);
    const version = await context.em.findOne(FormVersion, { id: versionId });
    if (!version) throw NotFound('Die Formularfassung');
    const inForce = await context.em.findOne(FormVersion, {
      form: version.form.key,
      status: FormVersionStatus.PUBLISHED,
    });
    const [content, inForceContent] = await Promise.all([
      context.formVersions.content(context.em, version.id),
      inForce ? context.formVersions.content(context.em, inForce.id) : null,
    ]);
    if (!content) throw NotFound('Die Formularfassung');
    const result = await checkFormImpact({
      em: context.em,
      evaluator: context.formEvaluator,
      formKey: version.form.key,
      draft: {
        id: version.id,
        revision: version.revision,
        schema: content.schema,
        uischema: content.uischema,
      },
      inForce:
        inForce && inForceContent ? { id: inForce.id, revision: 0, schema: inForceContent.schema } : null,
    });
    return { inForce, ...result };
  }

  @Mutation(() => FormVersionPayload, {
    description:
      'Ersetzt Titel, Beschreibung, Schema, UI-Schema und Beispieldaten eines Entwurfs durch eine importierte Datei (form-definitions/-Format oder ein Paar aus JSON Schema und UI-Schema). Probleme werden als Feldfehler beantwortet; dann wird nichts gespeichert.',
  })
  importFormDefinition(
    @Args(() => ImportFormDefinitionArgs) args: ImportFormDefinitionArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<FormVersionPayload> {
    return runCommand(context, 'importFormDefinition', (cmd) => importFormDefinition(cmd, args));
  }
}
