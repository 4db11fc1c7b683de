/**
 * Issue 13's part of the lived-in demo: Yuecheng's partner organisations, services and campaign visits for the
 * Huangjiu firm (applicant8), a simulated attack assessment it requested and the bureau scheduled and reported, and
 * two documents of the guides library. Seeded through the API by the showcase (demo/showcase.ts), once.
 */

/** What the showcase's sessions offer: JSON calls and an upload as the logged-in user. */
export interface DemoSession {
  post<T = unknown>(url: string, payload: unknown): Promise<T>;
  upload(fileName: string, content: Buffer): Promise<{ sha256: string; fileName: string }>;
}

const pdf = (label: string) =>
  Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);

export async function seedServicesDemo(
  as: (username: string) => Promise<DemoSession>,
  firmUnitId: string,
  on: (date: string) => void,
  today: string,
): Promise<void> {
  const bureau = await as('yuecheng');
  const firm = await as('applicant8');
  const lawFirm = await bureau.post<{ id: string }>('/service-partners', {
    name: '浙江越州律师事务所',
    kind: 'law_firm',
    jurisdictionCode: '330602',
    contactName: '沈律师',
    contactPhone: '0575-85123456',
  });
  const assessor = await bureau.post<{ id: string }>('/service-partners', {
    name: '绍兴越安网络安全测评有限公司',
    kind: 'security_assessor',
    jurisdictionCode: '330602',
    attackAccredited: true,
    contactName: '钱工',
  });
  on(today);
  const month = today.slice(0, 8);
  await bureau.post('/service-records', {
    kind: 'legal_consultation',
    unitId: firmUnitId,
    provider: 'partner',
    partnerId: lawFirm.id,
    occurredOn: `${month}01`,
    title: '酿酒技师离职竞业限制咨询',
    description: '律师解答竞业限制补偿金标准与保密协议条款。',
  });
  await bureau.post('/service-records', {
    kind: 'training_publicity',
    unitId: firmUnitId,
    provider: 'bureau',
    occurredOn: `${month}01`,
    title: '黄酒行业商业秘密保护专题培训',
  });
  await bureau.post('/campaign-visits', {
    kind: 'enterprise',
    jurisdictionCode: '330602',
    unitId: firmUnitId,
    placeName: '越城区黄酒酿造企业',
    occurredOn: `${month}01`,
    firmsReached: 1,
    participants: 28,
    summary: '走进企业讲解商业秘密保护"三进"活动要点。',
  });
  await bureau.post('/campaign-visits', {
    kind: 'market',
    jurisdictionCode: '330602',
    placeName: '中国黄酒城',
    occurredOn: `${month}01`,
    firmsReached: 46,
    summary: '向市场经营户发放商业秘密保护宣传册。',
  });

  const requested = await firm.post<{ id: string; version: number }>('/attack-assessments', {
    unitId: firmUnitId,
    partnerId: assessor.id,
    scope: '发酵工艺数据服务器、办公网络与邮件系统',
  });
  const scheduled = await bureau.post<{ version: number }>(`/attack-assessments/${requested.id}/schedule`, {
    scheduledOn: today,
    version: requested.version,
  });
  const report = await bureau.upload('模拟网络攻击评估报告.pdf', pdf('demo attack report'));
  await bureau.post(`/attack-assessments/${requested.id}/report`, {
    report,
    summary: '对外网边界和办公网络开展模拟攻击，发现两项问题。',
    findings: [
      { title: '工艺数据服务器存在弱口令', severity: 'high', recommendation: '启用复杂口令与双因素认证' },
      { title: '邮件系统未限制外发附件', severity: 'medium', recommendation: '对含工艺文件的外发邮件审批' },
    ],
    version: scheduled.version,
  });

  const guide = await bureau.upload('黄酒酿造企业商业秘密保护指引.pdf', pdf('demo guide'));
  await bureau.post('/guides', {
    kind: 'protection_guide',
    industryCode: '15',
    visibility: 'public',
    title: '黄酒酿造企业商业秘密保护指引',
    summary: '麦曲配方、发酵工艺参数与客户渠道的保护要点。',
    body: '一、将麦曲配方、发酵工艺参数列为核心商业秘密；二、酿造车间分区管理；三、与技师签订保密与竞业限制协议。',
    file: guide,
  });
  const template = await bureau.upload('员工保密协议范本.pdf', pdf('demo nda'));
  await bureau.post('/guides', {
    kind: 'template_confidentiality',
    visibility: 'registered',
    title: '员工保密协议范本',
    summary: '适用于各类企业的员工保密协议，含保密范围、期限与违约责任。',
    body: '甲方（用人单位）与乙方（员工）就商业秘密的保密义务达成如下协议……',
    file: template,
  });
}
