import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import { findMyTasks } from './my-tasks.js';
import { MyTasksArgs, TaskList } from './task.types.js';

@Resolver()
export class TaskResolver {
  @Query(() => TaskList, {
    description:
      'Was auf die angemeldete Person wartet (Meine Aufgaben), je nach Rolle und Zuständigkeit: nur Vorgänge, die sie ' +
      'sehen darf. Überfällige zuerst.',
  })
  myTasks(
    @Ctx() context: GraphQLContext,
    @Args(() => MyTasksArgs) { limit, kinds }: MyTasksArgs,
  ): Promise<TaskList> {
    return findMyTasks(context.em, requireCaller(context), limit, kinds ?? null);
  }
}
