// The cron slots moved to core/cron-slots.ts (config validates expressions with them, and config
// sits below the areas). This re-export keeps branches in flight building; TODO(#12): remove once
// they are merged.
export { assertSupported, type CronSpec, nextSlots, previousSlot } from '../core/cron-slots.js';
