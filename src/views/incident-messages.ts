import type { IncidentMessages } from '../incident/incident-messages.js';
import {
  initialReportMessage,
  noticeMessage,
  postMortemMessage,
  privateAnnouncementMessage,
  templateMessage,
} from './incident-report-view.js';
import { pageCardMessage } from './page-card-view.js';

/** The incident flows' messages in Block Kit; wired into the incident service by the composition root. */
export const incidentMessages: IncidentMessages = {
  notice: noticeMessage,
  report: initialReportMessage,
  template: templateMessage,
  privateAnnouncement: privateAnnouncementMessage,
  postMortem: postMortemMessage,
  pageCard: pageCardMessage,
};
