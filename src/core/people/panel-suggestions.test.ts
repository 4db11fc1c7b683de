import { describe, expect, it } from 'vitest';
import { type Candidate, fieldsCalledFor, rankCandidates, type SuggestionContext } from './panel-suggestions';

const person = (overrides: Partial<Candidate>): Candidate => ({
  id: overrides.name ?? 'x',
  name: 'x',
  affiliation: '某大学',
  fields: ['law'],
  industries: [],
  localIndustries: [],
  availability: 'available',
  availabilityNote: null,
  openAssignments: 0,
  ...overrides,
});

const labels: Record<string, string> = { law: '法律', it: '信息技术', industry: '行业' };
const context = (overrides: Partial<SuggestionContext> = {}): SuggestionContext => ({
  unitIndustry: { code: '15', name: '酒、饮料和精制茶制造业' },
  localMatches: new Map([['sx-rice-wine', '黄酒']]),
  wantedFields: fieldsCalledFor('15'),
  panel: [],
  fieldLabel: (f) => labels[f] ?? f,
  ...overrides,
});

describe('panel suggestions', () => {
  it('puts industry and local-industry matches first and says why', () => {
    const ranked = rankCandidates(
      [
        person({ name: '甲', fields: ['law'] }),
        person({ name: '乙', fields: ['industry'], industries: ['15'], localIndustries: ['sx-rice-wine'] }),
      ],
      context(),
    );
    expect(ranked.map((r) => r.id)).toEqual(['乙', '甲']);
    expect(ranked[0]!.reasons.map((r) => r.text)).toEqual([
      '熟悉申报单位所属行业（酒、饮料和精制茶制造业）',
      '属本地黄酒产业人才，与申报单位行业相符',
      '可补足验收组尚缺的领域：行业',
      '目前没有在办的验收任务',
    ]);
  });

  it('prefers other organisations, missing fields and lighter load; drops the unavailable', () => {
    const ranked = rankCandidates(
      [
        person({ name: '同单位', affiliation: '绍兴文理学院', fields: ['it'] }),
        person({ name: '忙', affiliation: '浙江大学', fields: ['it'], openAssignments: 2 }),
        person({ name: '闲', affiliation: '浙江工业大学', fields: ['it'] }),
        person({ name: '不可', availability: 'unavailable', fields: ['it'] }),
      ],
      context({
        panel: [{ affiliation: '绍兴文理学院', fields: ['law', 'industry'] }],
        wantedFields: ['law', 'it', 'industry'],
      }),
    );
    expect(ranked.map((r) => r.id)).toEqual(['闲', '忙', '同单位']);
    expect(ranked.find((r) => r.id === '同单位')!.reasons.map((r) => r.text)).toContain(
      '与验收组现有专家同属绍兴文理学院',
    );
    expect(ranked.find((r) => r.id === '忙')!.reasons.map((r) => r.text)).toContain('目前有 2 件在办的验收任务');
  });

  it('asks for IT expertise for IT firms only', () => {
    expect(fieldsCalledFor('65')).toContain('it');
    expect(fieldsCalledFor('17')).not.toContain('it');
  });
});
