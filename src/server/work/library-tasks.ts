/** Every handler the task workers answer, by `METHOD /path`. */
import { documentTasks } from '../routes/documents.ts';
import { rulesTasks } from '../routes/rules.ts';
import { worldTasks } from '../routes/world.ts';
import type { TaskTable } from './task-table.ts';

export const TASKS: TaskTable = { ...documentTasks, ...rulesTasks, ...worldTasks };
