import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Float,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { IsOptional } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import {
  ApplicationState,
  diffFormData,
  type DiffSchema,
  type ProcessRole,
  transitionsFrom,
} from '../../../process-logic/index.js';
import { runCommand } from '../common/command.js';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import { BadUserInput, NotFound } from '../common/errors.js';
import { FieldErrorsPayload } from '../common/field-error.js';
import { can } from '../common/policy.js';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { FormVersion } from '../forms/form-version.entity.js';
import { masterDataLoaders } from '../master-data/master-data.loaders.js';
import { providerPolicy } from '../master-data/master-data.policy.js';
import { Provider } from '../master-data/provider.entity.js';
import { rolesAllowed } from '../needs/need.service.js';
import { newScoreScopeOf, SCORABLE_APPLICATION_STATES, scorePolicy } from '../scoring/score.policy.js';
import { APPLICATION_FORMS, Application, ApplicationRevision } from './application.entity.js';
import {
  CreateApplicationInput,
  RequestApplicationChangesInput,
  SaveApplicationDraftInput,
  SubmitApplicationInput,
  WithdrawApplicationInput,
} from './application.inputs.js';
import { applicationPolicy, applicationScopeOf, visibleApplications } from './application.policy.js';
import {
  createApplication,
  requestApplicationChanges,
  saveApplicationDraft,
  submitApplication,
  withdrawApplication,
} from './application.service.js';
import { CallForInterest } from './call-for-interest.entity.js';

@ObjectType({ description: 'Was die angemeldete Person mit dieser Interessensbekundung jetzt tun darf.' })
export class ApplicationViewerCan {
  @Field(() => Boolean, { description: 'Den Inhalt (Anlage 1 und 2) lesen.' })
  readData!: boolean;

  @Field(() => Boolean, { description: 'Den Entwurf speichern.' })
  saveDraft!: boolean;

  @Field(() => Boolean, { description: 'Einreichen bzw. erneut einreichen.' })
  submit!: boolean;

  @Field(() => Boolean, { description: 'Änderungen anfordern.' })
  requestChanges!: boolean;

  @Field(() => Boolean, { description: 'Zurückziehen.' })
  withdraw!: boolean;

  @Field(() => Boolean, {
    description: 'Bewerten (Anlage 3): die eigene Bewertung beginnen bzw. bearbeiten.',
  })
  score!: boolean;
}

@ObjectType({ description: 'Ein geändertes Feld zwischen zwei Fassungen, lesbar aufbereitet.' })
export class ApplicationChange {
  @Field(() => String, { description: 'Die Anlage (Formularschlüssel), z. B. cost-calculation.' })
  formKey!: string;

  @Field(() => String, { description: 'Titel der Anlage.' })
  formTitle!: string;

  @Field(() => String, { description: 'JSON Pointer des Feldes innerhalb der Anlage.' })
  path!: string;

  @Field(() => String, {
    description: 'Die Feldbezeichnungen laut Formular, z. B. „Fachleistungsstunden › Anzahl Stunden“.',
  })
  label!: string;

  @Field(() => String, { nullable: true, description: 'Alter Wert (leer: war nicht ausgefüllt).' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'Neuer Wert (leer: ist nicht mehr ausgefüllt).' })
  after!: string | null;
}

@ObjectType({
  description:
    'Entweder die eingereichte Interessensbekundung oder Feldfehler (dann wurde nichts gespeichert).',
})
export class SubmitApplicationPayload extends FieldErrorsPayload {
  @Field(() => Application, { nullable: true })
  application!: Application | null;
}

@InputType({ description: 'Filter der Interessensbekundungen; weggelassene Felder filtern nicht.' })
export class ApplicationFilter {
  @Field(() => UUIDScalar, { nullable: true })
  callId?: string | null;

  @Field(() => [ApplicationState], { nullable: true })
  @IsOptional()
  states?: ApplicationState[] | null;
}

const APPLICATION_POPULATE = ['call.need.socialArea', 'provider'] as const;
const readsData = (context: GraphQLContext, application: Application) =>
  can(applicationPolicy, context.caller, 'readData', applicationScopeOf(application));

@Resolver(() => Application)
export class ApplicationResolver {
  @Query(() => [Application], {
    description:
      'Die Interessensbekundungen, die die angemeldete Person sehen darf (Träger: nur die eigenen), neueste zuerst.',
  })
  applications(
    @Arg('filter', () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | null,
    @Ctx() context: GraphQLContext,
  ): Promise<Application[]> {
    const caller = requireCaller(context);
    const conditions: object[] = [visibleApplications(caller)];
    if (filter?.callId) conditions.push({ call: filter.callId });
    if (filter?.states?.length) conditions.push({ state: { $in: filter.states } });
    return context.em.find(
      Application,
      { $and: conditions },
      { populate: APPLICATION_POPULATE, orderBy: { updatedAt: 'desc', id: 'asc' }, limit: 500 },
    );
  }

  @Query(() => Application, {
    description: 'Eine Interessensbekundung; außerhalb der eigenen Sicht: NOT_FOUND.',
  })
  async application(
    @Arg('id', () => UUIDScalar) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<Application> {
    const caller = requireCaller(context);
    const application = await context.em.findOne(
      Application,
      { $and: [{ id }, visibleApplications(caller)] },
      { populate: APPLICATION_POPULATE },
    );
    if (!application) throw NotFound('Die Interessensbekundung');
    return application;
  }

  @FieldResolver(() => CallForInterest, {
    description: 'Der Aufruf, auf den sich die Interessensbekundung bezieht.',
  })
  call(@Root() application: Application): CallForInterest {
    return application.call;
  }

  @FieldResolver(() => Provider, { nullable: true, description: 'Der Träger.' })
  async provider(@Root() application: Application, @Ctx() context: GraphQLContext): Promise<Provider | null> {
    const provider = await masterDataLoaders(context).providerById.load(application.provider.id);
    return provider && can(providerPolicy, context.caller, 'read', provider) ? provider : null;
  }

  @FieldResolver(() => FormVersion, {
    description: 'Die Fassung der Anlage 1, an die die Interessensbekundung gebunden ist.',
  })
  offerDescriptionVersion(
    @Root() application: Application,
    @Ctx() context: GraphQLContext,
  ): Promise<FormVersion> {
    return this.version(context, application.offerDescriptionVersionId);
  }

  @FieldResolver(() => FormVersion, {
    description: 'Die Fassung der Anlage 2, an die die Interessensbekundung gebunden ist.',
  })
  costCalculationVersion(
    @Root() application: Application,
    @Ctx() context: GraphQLContext,
  ): Promise<FormVersion> {
    return this.version(context, application.costCalculationVersionId);
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description:
      'Anlage 1 in der Arbeitsfassung (Entwurf bzw. zuletzt eingereicht); leer ohne `viewerCan.readData`.',
  })
  offerDescriptionData(
    @Root() application: Application,
    @Ctx() context: GraphQLContext,
  ): Record<string, unknown> | null {
    return readsData(context, application) ? application.offerDescriptionData : null;
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description: 'Anlage 2 in der Arbeitsfassung; leer ohne `viewerCan.readData`.',
  })
  costCalculationData(
    @Root() application: Application,
    @Ctx() context: GraphQLContext,
  ): Record<string, unknown> | null {
    return readsData(context, application) ? application.costCalculationData : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Der Kommentar der letzten Änderungsanforderung; leer ohne `viewerCan.readData`.',
  })
  changeRequestComment(@Root() application: Application, @Ctx() context: GraphQLContext): string | null {
    return readsData(context, application) ? (application.changeRequestComment ?? null) : null;
  }

  @FieldResolver(() => [ApplicationRevision], {
    description: 'Die eingereichten Fassungen, die erste zuerst.',
  })
  async revisions(
    @Root() application: Application,
    @Ctx() context: GraphQLContext,
  ): Promise<ApplicationRevision[]> {
    const revisions = await context.em.find(
      ApplicationRevision,
      { application: application.id },
      { orderBy: { number: 'asc' } },
    );
    for (const revision of revisions) revision.application = application;
    return revisions;
  }

  @FieldResolver(() => [ApplicationChange], {
    nullable: true,
    description:
      'Was sich zwischen zwei eingereichten Fassungen geändert hat (Feldbezeichnungen und alte → neue Werte); leer ohne `viewerCan.readData`.',
  })
  async revisionDiff(
    @Root() application: Application,
    @Arg('fromRevision', () => Int) fromRevision: number,
    @Arg('toRevision', () => Int) toRevision: number,
    @Ctx() context: GraphQLContext,
  ): Promise<ApplicationChange[] | null> {
    if (!readsData(context, application)) return null;
    const rows = await context.em.find(ApplicationRevision, {
      application: application.id,
      number: { $in: [fromRevision, toRevision] },
    });
    const from = rows.find((row) => row.number === fromRevision);
    const to = rows.find((row) => row.number === toRevision);
    if (!from || !to) throw BadUserInput('Diese Fassung gibt es nicht.', { fromRevision, toRevision });
    const changes: ApplicationChange[] = [];
    const forms: [string, string, 'offerDescriptionData' | 'costCalculationData'][] = [
      [APPLICATION_FORMS.offerDescription, application.offerDescriptionVersionId, 'offerDescriptionData'],
      [APPLICATION_FORMS.costCalculation, application.costCalculationVersionId, 'costCalculationData'],
    ];
    for (const [formKey, versionId, field] of forms) {
      const content = await context.formVersions.content(context.em, versionId);
      const schema = (content?.schema ?? {}) as DiffSchema;
      const formTitle = schema.title ?? formKey;
      for (const change of diffFormData(schema, from[field], to[field])) {
        changes.push({ formKey, formTitle, ...change });
      }
    }
    return changes;
  }

  @FieldResolver(() => ApplicationViewerCan)
  viewerCan(@Root() application: Application, @Ctx() context: GraphQLContext): ApplicationViewerCan {
    const scope = applicationScopeOf(application);
    const actions = (policyAction: 'edit' | 'review') =>
      new Set(
        transitionsFrom(
          'application',
          application.state,
          rolesAllowed(applicationPolicy, context.caller, policyAction, scope) as ProcessRole[],
        ).map((transition) => transition.action),
      );
    const edit = actions('edit');
    const review = actions('review');
    return {
      readData: readsData(context, application),
      saveDraft: edit.has('saveDraft'),
      submit:
        edit.has('resubmit') ||
        (edit.has('submit') &&
          application.call.need.state === 'OPEN_FOR_APPLICATIONS' &&
          application.call.deadline.getTime() > Date.now()),
      requestChanges: review.has('requestChanges'),
      withdraw: edit.has('withdraw'),
      score:
        !!context.caller &&
        can(scorePolicy, context.caller, 'score', newScoreScopeOf(application, context.caller)) &&
        SCORABLE_APPLICATION_STATES.includes(application.state),
    };
  }

  private async version(context: GraphQLContext, id: string): Promise<FormVersion> {
    const version = await context.loaders.versionById.load(id);
    if (!version) throw new Error(`form version ${id} is missing`);
    return version;
  }

  @Mutation(() => Application, {
    description: 'Legt eine Interessensbekundung des eigenen Trägers zu einem offenen Aufruf an (Entwurf).',
  })
  createApplication(
    @Arg('input', () => CreateApplicationInput) input: CreateApplicationInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Application> {
    return runCommand(context, 'createApplication', (cmd) => createApplication(cmd, context, input));
  }

  @Mutation(() => Application, {
    description: 'Speichert den Entwurf (ohne strenge Prüfung; optimistische Sperre über revision).',
  })
  saveApplicationDraft(
    @Arg('input', () => SaveApplicationDraftInput) input: SaveApplicationDraftInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Application> {
    return runCommand(context, 'saveApplicationDraft', (cmd) => saveApplicationDraft(cmd, context, input));
  }

  @Mutation(() => SubmitApplicationPayload, {
    description:
      'Reicht ein (vor der Frist) bzw. nach einer Änderungsanforderung erneut ein; prüft Anlage 1 und 2 und legt eine neue Fassung an.',
  })
  submitApplication(
    @Arg('input', () => SubmitApplicationInput) input: SubmitApplicationInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SubmitApplicationPayload> {
    return runCommand(context, 'submitApplication', (cmd) => submitApplication(cmd, context, input));
  }

  @Mutation(() => Application, { description: 'Fordert Änderungen an (Teamleitung des Sozialraums).' })
  requestApplicationChanges(
    @Arg('input', () => RequestApplicationChangesInput) input: RequestApplicationChangesInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Application> {
    return runCommand(context, 'requestApplicationChanges', (cmd) => requestApplicationChanges(cmd, input));
  }

  @Mutation(() => Application, { description: 'Zieht die Interessensbekundung zurück.' })
  withdrawApplication(
    @Arg('input', () => WithdrawApplicationInput) input: WithdrawApplicationInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Application> {
    return runCommand(context, 'withdrawApplication', (cmd) => withdrawApplication(cmd, input));
  }
}

@Resolver(() => ApplicationRevision)
export class ApplicationRevisionResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Beantragter Betrag aus Anlage 2 in Cent; leer ohne Leserecht am Inhalt.',
  })
  requestedAmount(@Root() revision: ApplicationRevision, @Ctx() context: GraphQLContext): number | null {
    return readsData(context, revision.application) ? revision.requestedAmount : null;
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description: 'Anlage 1 dieser Fassung; leer ohne Leserecht am Inhalt.',
  })
  offerDescriptionData(
    @Root() revision: ApplicationRevision,
    @Ctx() context: GraphQLContext,
  ): Record<string, unknown> | null {
    return readsData(context, revision.application) ? revision.offerDescriptionData : null;
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description: 'Anlage 2 dieser Fassung; leer ohne Leserecht am Inhalt.',
  })
  costCalculationData(
    @Root() revision: ApplicationRevision,
    @Ctx() context: GraphQLContext,
  ): Record<string, unknown> | null {
    return readsData(context, revision.application) ? revision.costCalculationData : null;
  }
}
