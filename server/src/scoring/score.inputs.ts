import { IsInt, IsObject, IsOptional, Min } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { UUIDScalar } from '../common/uuid.scalar.js';

const REVISION_MESSAGE = 'revision muss eine ganze Zahl ab 1 sein.';

function Revision(): PropertyDecorator {
  return (target, property) => {
    IsInt({ message: REVISION_MESSAGE })(target, property);
    Min(1, { message: REVISION_MESSAGE })(target, property);
  };
}

function OptionalSheet(): PropertyDecorator {
  return (target, property) => {
    IsOptional()(target, property);
    IsObject({ message: 'Die Daten des Bewertungsbogens müssen ein JSON-Objekt sein.' })(target, property);
  };
}

@InputType({
  description:
    'Beginnt die eigene Bewertung einer eingereichten Interessensbekundung (Anlage 3 in der geltenden Fassung).',
})
export class StartScoreInput {
  @Field(() => UUIDScalar)
  applicationId!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Anfangsdaten des Bewertungsbogens (Entwurf).' })
  @OptionalSheet()
  data?: Record<string, unknown> | null;
}

@InputType({ description: 'Speichert den Entwurf der eigenen Bewertung (ohne strenge Prüfung).' })
export class SaveScoreDraftInput {
  @Field(() => UUIDScalar)
  id!: string;

  @Field(() => Int)
  @Revision()
  revision!: number;

  @Field(() => GraphQLJSON)
  @IsObject({ message: 'Die Daten des Bewertungsbogens müssen ein JSON-Objekt sein.' })
  data!: Record<string, unknown>;
}

@InputType({ description: 'Reicht die eigene Bewertung ein (bzw. eine Korrektur als neue Fassung).' })
export class SubmitScoreInput {
  @Field(() => UUIDScalar)
  id!: string;

  @Field(() => Int)
  @Revision()
  revision!: number;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Daten; ohne: der gespeicherte Entwurf.' })
  @OptionalSheet()
  data?: Record<string, unknown> | null;
}
