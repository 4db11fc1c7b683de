/** The expert registry as an Excel sheet: the list's filters and the officer's registries, read page by page. */

import { bureauIndustryLabel } from '../../../shared/data/bureau-industries';
import { industryLabel } from '../../../shared/data/industries';
import { ExpertField } from '../../../shared/enums';
import { Availability, PersonLevel, PersonRole, Profession } from '../../../shared/enums-people';
import type { ExpertListQuery } from '../../../shared/schemas/acceptance';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { pagesOf, type XlsxSheet } from '../../export/xlsx-stream';
import type { ExpertView } from './expert-queries';
import { listExperts } from './list-experts';

export function exportExperts(db: Executor, ctx: RequestContext, filter: ExpertListQuery): XlsxSheet<ExpertView> {
  return {
    name: '专家库',
    columns: [
      { header: '姓名', width: 12, value: (r) => r.name },
      { header: '工作单位', width: 28, value: (r) => r.affiliation },
      { header: '专业领域', width: 10, value: (r) => ExpertField.labels[r.field] },
      { header: '人员类别', width: 24, value: (r) => r.roles.map((x) => PersonRole.labels[x]).join('、') },
      { header: '职业', width: 12, value: (r) => (r.profession ? Profession.labels[r.profession] : null) },
      { header: '全部领域', width: 20, value: (r) => r.fields.map((x) => ExpertField.labels[x]).join('、') },
      {
        header: '本地产业',
        width: 20,
        value: (r) => r.localIndustries.map((c) => bureauIndustryLabel(c) ?? c).join('、'),
      },
      { header: '层级', width: 8, value: (r) => (r.level ? PersonLevel.labels[r.level] : null) },
      { header: '可邀请情况', width: 10, value: (r) => Availability.labels[r.availability] },
      { header: '熟悉行业', width: 36, value: (r) => r.industries.map((c) => industryLabel(c) ?? c).join('、') },
      { header: '联系电话', width: 16, value: (r) => r.phone },
      { header: '电子邮箱', width: 24, value: (r) => r.email },
      { header: '所属专家库', width: 24, value: (r) => r.jurisdictionName },
      { header: '状态', width: 8, value: (r) => (r.active ? '可用' : '停用') },
      { header: '登录账号', width: 14, value: (r) => r.username },
      { header: '专业背景', width: 40, value: (r) => r.background },
    ],
    pages: pagesOf((page, pageSize) => listExperts(db, ctx, filter, { page, pageSize })),
  };
}
