/** Enumerations of the trainings module (trainings, the lecture series, forums, case seminars). */
import type { z } from 'zod';
import { enumOf } from './enums';

/** Kinds of outreach event (001 (十二), 002 "五个一" (二)). */
export const TrainingKind = enumOf({
  training: '培训',
  lecture: '商业秘密保护大讲堂',
  forum: '论坛',
  case_seminar: '案例研讨会',
});
export type TrainingKind = z.infer<typeof TrainingKind.schema>;

/** Who may attend: any registered unit, the units of the owner's jurisdiction, or officers only. */
export const TrainingAudience = enumOf({
  open: '面向社会公开',
  registered_units: '辖区内登记单位',
  officers: '监管部门工作人员',
});
export type TrainingAudience = z.infer<typeof TrainingAudience.schema>;

/** The main venue (主会场, at the owner bureau) and sub-venues (分会场, at county bureaus). */
export const TrainingVenueRole = enumOf({
  main: '主会场',
  sub: '分会场',
});
export type TrainingVenueRole = z.infer<typeof TrainingVenueRole.schema>;

/** How an attendee came: registered beforehand, or recorded at the door by the host. */
export const TrainingRegistrationKind = enumOf({
  registered: '报名',
  walk_in: '现场登记',
});
export type TrainingRegistrationKind = z.infer<typeof TrainingRegistrationKind.schema>;
