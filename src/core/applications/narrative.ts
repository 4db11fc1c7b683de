/**
 * The first draft of an application's narrative (商业秘密保护工作开展情况), written from the self-assessment: the
 * applicant's notes on each item or requirement, under the heading of the indicator, bonus group or condition they
 * belong to, in the rubric's order. The applicant edits it from there; nothing is invented that it did not write.
 */
import type { ApplicationForm, FormField } from '../programs/schema';
import type { AnswerSet } from '../rubric/answers';
import { type Rubric, rubricNodes } from '../rubric/schema';

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function heading(index: number, title: string): string {
  const numeral = index < CHINESE_NUMERALS.length ? CHINESE_NUMERALS[index] : String(index + 1);
  return `${numeral}、${title}`;
}

export function narrativeFromAnswers(rubric: Rubric, answers: AnswerSet): string {
  const sections: { title: string; lines: string[] }[] = [];
  for (const entry of rubricNodes(rubric)) {
    if (entry.type === 'indicator' || entry.type === 'bonus_group' || entry.type === 'condition') {
      sections.push({ title: entry.node.title, lines: [] });
      continue;
    }
    const note = answers[entry.node.id]?.note?.trim();
    if (note) sections.at(-1)?.lines.push(`${entry.node.text}：${note}`);
  }
  return sections
    .filter((s) => s.lines.length > 0)
    .map((s, i) => [heading(i, s.title), ...s.lines].join('\n'))
    .join('\n\n');
}

/**
 * The form's own narrative field, if it has one: most seed forms carry "商业秘密保护工作开展情况" as a text area of
 * their own (000 附件1, 002 附表, 004 附件2–3); otherwise the application's separate narrative holds it.
 */
export function narrativeField(form: Pick<ApplicationForm, 'fields'> | undefined | null): FormField | undefined {
  return form?.fields.find((f) => f.type === 'textarea' && f.label.includes('工作开展情况'));
}
