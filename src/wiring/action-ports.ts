import type { ActionPorts } from '../actions/build-actions.js';
import { actionMessages } from '../views/actions-view.js';
import { createExecutor } from './executor-kinds.js';

/** The actions area's Block Kit and registries of kinds, handed to buildActions by the composition root. */
export const actionPorts: ActionPorts = { messages: actionMessages, createExecutor };
