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
import { GraphQLJSON } from 'graphql-scalars';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import { can } from '../common/policy.js';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { FieldErrorsPayload } from '../common/field-error.js';
import { FormVersion } from '../forms/form-version.entity.js';
import { masterDataLoaders } from '../master-data/master-data.loaders.js';
import { providerPolicy } from '../master-data/master-data.policy.js';
import { Provider } from '../master-data/provider.entity.js';
import { Submission, type SubmissionRecord } from './submission.entity.js';
import { submissionPolicy, visibleSubmissions } from './submission.policy.js';
import { SubmitFormArgs } from './submission.inputs.js';
import { submitForm } from './submit-form.js';

@ObjectType({ description: 'Was der Aufrufer mit einer Einreichung tun darf.' })
export class SubmissionViewerCan {
  @Field(() => Boolean, { description: 'Den Inhalt (`data`) lesen.' })
  readData!: boolean;
}

@ObjectType({
  description: 'Entweder die gespeicherte Einreichung oder Feldfehler (dann wurde nichts gespeichert).',
})
export class SubmitFormPayload extends FieldErrorsPayload {
  @Field(() => Submission, { nullable: true })
  submission!: SubmissionRecord | null;
}

@Resolver(() => Submission)
export class SubmissionResolver {
  @Query(() => [Submission], {
    description: 'Die Einreichungen eines Formulars, die der Aufrufer sehen darf.',
  })
  submissions(@Arg('formKey', () => String) formKey: string, @Ctx() context: GraphQLContext) {
    const caller = requireCaller(context);
    return context.em.find(
      Submission,
      { $and: [{ form: formKey }, visibleSubmissions(caller)] },
      { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 500 },
    );
  }

  @Query(() => Submission, { nullable: true })
  async submission(
    @Arg('id', () => UUIDScalar) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<Submission | null> {
    const caller = requireCaller(context);
    const submission = await context.em.findOne(Submission, { $and: [{ id }, visibleSubmissions(caller)] });
    return submission && can(submissionPolicy, caller, 'read', submission) ? submission : null;
  }

  @FieldResolver(() => Provider, {
    nullable: true,
    description: 'Der Träger, dem die Einreichung gehört (leer bei Einreichungen des Jugendamts).',
  })
  async provider(
    @Root() submission: SubmissionRecord,
    @Ctx() context: GraphQLContext,
  ): Promise<Provider | null> {
    if (!submission.providerId) return null;
    const provider = await masterDataLoaders(context).providerById.load(submission.providerId);
    return provider && can(providerPolicy, context.caller, 'read', provider) ? provider : null;
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description:
      'Der Inhalt, mit den vom Server nachgerechneten Werten. Leer für Rollen, die nur sehen dürfen, dass es die ' +
      'Einreichung gibt (siehe `viewerCan.readData`).',
  })
  data(@Root() submission: SubmissionRecord, @Ctx() context: GraphQLContext): Record<string, unknown> | null {
    return can(submissionPolicy, context.caller, 'readData', submission) ? submission.data : null;
  }

  @FieldResolver(() => SubmissionViewerCan)
  viewerCan(@Root() submission: SubmissionRecord, @Ctx() context: GraphQLContext): SubmissionViewerCan {
    return { readData: can(submissionPolicy, context.caller, 'readData', submission) };
  }

  @FieldResolver(() => String)
  formKey(@Root() submission: SubmissionRecord): string {
    return submission.form.key;
  }

  @FieldResolver(() => FormVersion, { description: 'Die Fassung, in der das Formular ausgefüllt wurde.' })
  async formVersion(
    @Root() submission: SubmissionRecord,
    @Ctx() context: GraphQLContext,
  ): Promise<FormVersion> {
    const version = await context.loaders.versionById.load(submission.formVersion.id);
    if (!version) throw new Error(`form version ${submission.formVersion.id} is missing`);
    return version;
  }

  @Mutation(() => SubmitFormPayload, { description: 'Prüft und speichert ein ausgefülltes Formular.' })
  submitForm(
    @Args(() => SubmitFormArgs) args: SubmitFormArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<SubmitFormPayload> {
    requireCaller(context);
    return submitForm(context, args);
  }
}
