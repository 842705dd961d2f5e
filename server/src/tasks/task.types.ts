import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** What kind of work waits; each kind belongs to one role's part of the process. */
export enum TaskKind {
  /** TEAM_LEAD: decision 1 or 2 of a recorded need is open. */
  DECIDE_NEED = 'DECIDE_NEED',
  /** TEAM_LEAD: an offer is planned; steps 4–7 and the call for interest are next. */
  PLAN_OFFER = 'PLAN_OFFER',
  /** TEAM_LEAD: the call's deadline has passed while it is still open. */
  CLOSE_CALL = 'CLOSE_CALL',
  /** TEAM_LEAD: a submitted application the caller has not scored yet. */
  SCORE_APPLICATION = 'SCORE_APPLICATION',
  /** TEAM_LEAD: a submitted evaluation waits for review. */
  REVIEW_EVALUATION = 'REVIEW_EVALUATION',
  /** REGIONAL_TEAM: a submitted application of a closed call waits for the decision. */
  DECIDE_APPLICATION = 'DECIDE_APPLICATION',
  /** FINANCE: an approved application has no notice yet. */
  ISSUE_NOTICE = 'ISSUE_NOTICE',
  /** FINANCE: an evaluation is overdue. */
  OVERDUE_EVALUATION = 'OVERDUE_EVALUATION',
  /** PROVIDER: the office asked for changes to an application. */
  REVISE_APPLICATION = 'REVISE_APPLICATION',
  /** PROVIDER: a draft application whose call is still open. */
  SUBMIT_APPLICATION = 'SUBMIT_APPLICATION',
  /** PROVIDER: an evaluation is due or the office asked for changes. */
  SUBMIT_EVALUATION = 'SUBMIT_EVALUATION',
}
registerEnumType(TaskKind, {
  name: 'TaskKind',
  description:
    'DECIDE_NEED Bedarf entscheiden; PLAN_OFFER Angebot planen und Aufruf eröffnen; CLOSE_CALL Aufruf nach Fristende ' +
    'schließen; SCORE_APPLICATION Interessensbekundung bewerten; REVIEW_EVALUATION Evaluation prüfen; ' +
    'DECIDE_APPLICATION über Interessensbekundung entscheiden; ISSUE_NOTICE Bescheid erteilen; OVERDUE_EVALUATION ' +
    'überfällige Evaluation; REVISE_APPLICATION Interessensbekundung überarbeiten; SUBMIT_APPLICATION Entwurf ' +
    'einreichen; SUBMIT_EVALUATION Evaluation einreichen.',
});

@ObjectType({ description: 'Eine Aufgabe, die auf die angemeldete Person wartet.' })
export class Task {
  @Field(() => ID, {
    description: 'Art und Datensatz, z. B. SCORE_APPLICATION:<id>; eindeutig in der Liste.',
  })
  id!: string;

  @Field(() => TaskKind)
  kind!: TaskKind;

  @Field(() => String, { description: 'Was zu tun ist, mit dem Namen des Vorgangs.' })
  title!: string;

  @Field(() => String, { description: 'Die Art des Datensatzes: Need, Application oder Evaluation.' })
  recordType!: string;

  @Field(() => ID, { description: 'Die ID des Datensatzes.' })
  recordId!: string;

  @Field(() => String, { description: 'Die Seite der Web-Oberfläche, auf der die Aufgabe erledigt wird.' })
  path!: string;

  @Field(() => Date, { description: 'Seit wann die Aufgabe wartet.' })
  since!: Date;

  @Field(() => Date, { nullable: true, description: 'Frist, wo es eine gibt.' })
  dueAt!: Date | null;

  @Field(() => Boolean, { description: 'Die Frist ist überschritten.' })
  overdue!: boolean;
}

@ObjectType({
  description: 'Die dringendsten Aufgaben der angemeldeten Person und wie viele es insgesamt sind.',
})
export class TaskList {
  @Field(() => Int, { description: 'Wie viele Aufgaben insgesamt warten (auch über die Liste hinaus).' })
  totalCount!: number;

  @Field(() => [Task], { description: 'Überfällige zuerst, dann nach Frist, dann nach Wartezeit.' })
  tasks!: Task[];
}

/** The most tasks one answer lists. */
export const MAX_TASKS_LISTED = 200;

@ArgsType()
export class MyTasksArgs {
  @Field(() => Int, {
    defaultValue: 50,
    description: `Höchstens so viele Aufgaben auflisten (0 bis ${MAX_TASKS_LISTED}; 0: nur die Anzahl).`,
  })
  @Min(0, { message: `limit muss zwischen 0 und ${MAX_TASKS_LISTED} liegen.` })
  @Max(MAX_TASKS_LISTED, { message: `limit muss zwischen 0 und ${MAX_TASKS_LISTED} liegen.` })
  limit!: number;

  @Field(() => [TaskKind], { nullable: true, description: 'Nur Aufgaben dieser Arten (weggelassen: alle).' })
  @IsOptional()
  kinds?: TaskKind[] | null;
}
