/** Every handler the task workers answer: the routes' by `METHOD /path`, and the server's own checks. */
import { documentTasks } from '../routes/documents.ts';
import { rulesTasks } from '../routes/rules.ts';
import { worldTasks } from '../routes/world.ts';
import { rootCauseTasks } from '../routes/root-causes.ts';
import type { TaskTable } from './task-table.ts';
import { checkJobRequest, type JobCheck } from './check-job.ts';
import { CHECK_JOB } from './task-message.ts';

export const TASKS: TaskTable = {
  ...documentTasks,
  ...rulesTasks,
  ...worldTasks,
  ...rootCauseTasks,
  [CHECK_JOB]: (req) => checkJobRequest(req.body as JobCheck),
};
