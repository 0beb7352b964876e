import { z } from 'zod';

const name = z.string().max(64, 'a name is at most 64 characters');

/** `<service> [environment]`, shared by the commands that act on one service. */
export const serviceArgs = z
  .array(name)
  .min(1, 'name the service')
  .max(2, 'give a service and at most an environment')
  .transform(([service, environment]) => ({ service: service!, environment }));
