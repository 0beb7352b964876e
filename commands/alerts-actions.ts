import { groupServices, groupSeverity, groupTitle } from '../src/alerts/alert-group.js';
import type { ActionHandler, ActionInvocation } from '../src/core/command.js';
import { NotFoundError, UsageError } from '../src/core/errors.js';
import type { Reply } from '../src/core/message.js';
import { md, type Text, textWithMentions } from '../src/core/mrkdwn.js';
import type { Services } from '../src/core/services.js';
import { section } from '../src/views/blocks.js';

const INCIDENT_SEVERITY = { critical: 'P1', warning: 'P2', info: 'P3' } as const;

function answer(text: Text, visibility: Reply['visibility'] = 'ephemeral'): Reply {
  return { text: String(text), blocks: [section(text)], visibility, replaceOriginal: false };
}

/** What the alert buttons use: the sources (silences), the notifications' state, the declarer. */
export interface AlertActionsDeps {
  alerts: Pick<Services['alerts'], 'silenceGroup' | 'expireSilence'>;
  alertNotifier: Pick<Services['alertNotifier'], 'notification' | 'annotate'>;
  /** Absent where services are built without the incident area (some tests): the button says so. */
  incidentDeclarer?: Pick<NonNullable<Services['incidentDeclarer']>, 'declare'>;
  config: Pick<Services['config'], 'alerts'>;
}

async function notificationOf(deps: AlertActionsDeps, inv: ActionInvocation) {
  const stored = await deps.alertNotifier.notification(inv.value);
  if (!stored) throw new NotFoundError('That alert notification is no longer known to the bot.');
  return stored;
}

/** The Alertmanager the webhook's buttons act on: `alerts.webhook.source`, else the first one. */
function silencingSource(deps: AlertActionsDeps): string {
  const { alerts } = deps.config;
  const name = alerts.webhook.source ?? alerts.sources.find((s) => s.kind === 'alertmanager')?.name;
  if (!name)
    throw new UsageError(
      'No Alertmanager source is configured (`alerts.sources`), so nothing can be silenced.',
    );
  return name;
}

function silenceHandler(deps: AlertActionsDeps, minutesOf: () => number, verb: string): ActionHandler {
  return {
    permission: 'alerts',
    async run(inv) {
      const stored = await notificationOf(deps, inv);
      const minutes = minutesOf();
      const result = await deps.alerts.silenceGroup(
        silencingSource(deps),
        {
          labels: stored.group.labels,
          minutes,
          createdBy: inv.actor.name,
          comment: `${verb} from Slack by ${inv.actor.name}`,
        },
        stored.group.alerts.map((a) => a.sourceId).filter((f): f is string => Boolean(f)),
      );
      // Stored plain, with the person as `<@U…>`: the view renders it with textWithMentions.
      const note = `${verb} by <@${inv.actor.id}> — ${result.text}`;
      await deps.alertNotifier.annotate(stored.id, note);
      return answer(md`:white_check_mark: ${textWithMentions(note)}.`);
    },
  };
}

/** "Declare incident" on an alert group: the incident the group's severity maps to, once per message. */
const declareButton = (deps: AlertActionsDeps): ActionHandler => ({
  permission: 'incident',
  async run(inv) {
    const declarer = deps.incidentDeclarer;
    if (!declarer) return answer(':information_source: Incident management is not enabled on this bot yet.');
    const { group, id, ts } = await notificationOf(deps, inv);
    const first = group.alerts[0];
    const declared = await declarer.declare(
      {
        severity: INCIDENT_SEVERITY[groupSeverity(group)],
        title: groupTitle(group),
        services: groupServices(group),
        impact:
          group.annotations.description ?? first?.annotations.description ?? first?.annotations.summary ?? '',
        // One key per posted message: a group that fires again later gets a new message and incident.
        requestKey: `alert-group:${id}:${ts ?? ''}`,
        origin: `alert ${group.labels.alertname ?? groupTitle(group)} (${groupSeverity(group)}, ${group.alerts.filter((a) => a.status === 'firing').length} firing)`,
      },
      inv.actor,
    );
    return answer(declared.text, 'in_channel');
  },
});

/** Buttons on the webhook's channel messages (and "Expire silence" under `/bers alerts resolve`). */
export const createAlertGroupActions = (deps: AlertActionsDeps): Record<string, ActionHandler> => ({
  'group-ack': silenceHandler(deps, () => deps.config.alerts.ackSilenceMinutes, 'Acknowledged'),
  'group-silence': silenceHandler(deps, () => 60, 'Silenced for 1 h'),
  'group-declare': declareButton(deps),
  'expire-silence': {
    permission: 'alerts',
    async run(inv) {
      const [source, silenceId] = inv.value.split('|');
      if (!source || !silenceId) throw new UsageError('That button is malformed.');
      const first = await deps.alerts.expireSilence(source, silenceId);
      return answer(
        first
          ? `:white_check_mark: Silence \`${silenceId}\` in ${source} expired.`
          : `Silence \`${silenceId}\` was already expired.`,
      );
    },
  },
});
