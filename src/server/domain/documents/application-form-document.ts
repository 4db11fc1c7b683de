/**
 * The application form PDF, fed by the application detail the page reads (getApplication: same reader, same
 * authorisation — out of scope is 404). Opinion blocks follow the print view: the applicant's, then the district
 * review's and the acceptance's as the programme's stages name them; each is dated by the action that gave it.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { chineseDate } from '../../../core/applications/guards';
import { narrativeField } from '../../../core/applications/narrative';
import type { FormField } from '../../../core/programs/schema';
import { industryLabel } from '../../../shared/data/industries';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import type { ApplicationFormData } from '../../pdf/application-form';
import { getApplication } from '../applications/get-application';

dayjs.extend(utc);
dayjs.extend(timezone);

/** A form value as the paper form prints it: industries with their name, units after numbers. */
export function fieldText(field: Pick<FormField, 'type' | 'unit'>, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const text = Array.isArray(value) ? value.join('、') : String(value);
  if (field.type === 'industry') return industryLabel(text) ?? text;
  if (field.type === 'date') return chineseDate(text);
  if (field.type === 'percent') return `${text}%`;
  return field.unit ? `${text} ${field.unit}` : text;
}

type Detail = Awaited<ReturnType<typeof getApplication>>;

/**
 * The date of the latest of these actions, or null: the business date it was taken on (a 2022 walk-through prints
 * 2022), or for events recorded before that was kept, the Beijing date of its timestamp.
 */
function dateOf(detail: Detail, actions: readonly string[]): string | null {
  const event = detail.history.filter((e) => actions.includes(e.action)).at(-1);
  if (!event) return null;
  return event.businessDate ?? dayjs(event.at).tz('Asia/Shanghai').format('YYYY-MM-DD');
}

export async function applicationFormData(db: Executor, ctx: RequestContext, id: string) {
  const detail = await getApplication(db, ctx, id);
  const fields = detail.form?.fields ?? [];
  const rows = fields.map((f) => ({ label: f.label, value: fieldText(f, detail.formData[f.key]) }));
  if (!narrativeField(detail.form)) rows.push({ label: '商业秘密保护工作开展情况', value: detail.narrative ?? '' });
  const opinions: ApplicationFormData['opinions'] = [
    {
      label: detail.form?.applicantOpinion ?? '申报单位意见',
      text: detail.applicantOpinion,
      date: detail.applicantOpinion ? dateOf(detail, ['submit', 'resubmit']) : null,
    },
  ];
  for (const stage of detail.stages) {
    if (stage.kind === 'district_review') {
      const date = dateOf(detail, ['recommend', 'not_recommend']);
      opinions.push({ label: stage.opinion ?? '区县推荐意见', text: detail.districtOpinion, date });
    } else if (stage.kind === 'acceptance') {
      const date = dateOf(detail, ['pass', 'fail']);
      opinions.push({ label: stage.opinion ?? '验收意见', text: detail.acceptanceOpinion, date });
    }
  }
  const data: ApplicationFormData = {
    source: detail.form?.source ?? null,
    title: detail.form?.title ?? `${detail.kindName}申报表`,
    fields: rows,
    attachments: detail.attachments.map((a) => a.fileName),
    opinions,
  };
  return { data, unitName: detail.unitName };
}
