/**
 * The standard feedback survey after a training, lecture or forum: its questions are data. An event copies them at
 * creation (training_events.survey), so editing this list changes new events only and old answers keep their
 * questions.
 */
import type { SurveyQuestion } from '../schemas/trainings';

export const STANDARD_SURVEY: readonly SurveyQuestion[] = [
  { id: 'overall', type: 'rating', text: '对本次活动的总体满意度' },
  { id: 'content', type: 'rating', text: '授课内容对本单位商业秘密保护工作的实用性' },
  { id: 'speaker', type: 'rating', text: '主讲人的讲解水平' },
  { id: 'organisation', type: 'rating', text: '会务组织与场地安排' },
  { id: 'topics', type: 'text', text: '希望今后增加的培训主题', optional: true },
  { id: 'suggestions', type: 'text', text: '其他意见和建议', optional: true },
];
