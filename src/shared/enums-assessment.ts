/** Enumerations of bureau assessment (评估考核), defined once with their Chinese labels (see enums.ts). */
import type { z } from 'zod';
import { enumOf } from './enums';

/** Life of an assessment: a draft scheme is edited; once published it is fixed and scored; results are then published. */
export const AssessmentStatus = enumOf({
  draft: '草稿',
  published: '考核中',
  results_published: '结果已公布',
});
export type AssessmentStatus = z.infer<typeof AssessmentStatus.schema>;
