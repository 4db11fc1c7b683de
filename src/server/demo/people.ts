/**
 * The people module in the lived-in demo (issue 13), through the API like the rest of the showcase: Shaoxing's
 * register of people (a judge and a lawyer in the think tank, industry experts for 黄酒 and 纺织 on the acceptance
 * side, an enforcement talent of 越城), records of their use, 越城's and 诸暨's contact firms with a contact each,
 * and the 越城 黄酒 firm confirmed as a standard adopter (it shows in the targets' fourth column).
 */
import type { Session } from './showcase';

interface Driver {
  as(username: string): Promise<Session>;
  on(date: string): void;
}

const PDF = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

export async function seedPeople(demo: Driver): Promise<void> {
  demo.on('2021-07-15');
  const shaoxing = await demo.as('shaoxing');
  const yuecheng = await demo.as('yuecheng');
  const person = (session: Session, body: Record<string, unknown>) =>
    session.post<{ id: string }>('/experts', { jurisdictionCode: '330600', ...body });

  const judge = await person(shaoxing, {
    name: '沈秉公',
    affiliation: '绍兴市中级人民法院',
    field: 'law',
    fields: ['economics'],
    roles: ['think_tank'],
    profession: 'judge',
    industries: ['15', '17'],
    background: '知识产权审判庭审判员，审理商业秘密民事案件十余年',
  });
  await person(shaoxing, {
    name: '韩律明',
    affiliation: '浙江越州律师事务所',
    field: 'law',
    roles: ['think_tank', 'acceptance_expert'],
    profession: 'lawyer',
    localIndustries: ['sx-textile', 'sx-chemical'],
    availability: 'limited',
    availabilityNote: '每月可参加一次评审',
  });
  await person(shaoxing, {
    name: '陶酿和',
    affiliation: '绍兴黄酒产业研究院',
    field: 'industry',
    roles: ['acceptance_expert', 'think_tank'],
    profession: 'industry_expert',
    industries: ['15'],
    localIndustries: ['sx-rice-wine'],
  });
  await person(shaoxing, {
    name: '柯锦纶',
    affiliation: '浙江理工大学绍兴柯桥研究院',
    field: 'industry',
    fields: ['it'],
    roles: ['acceptance_expert'],
    profession: 'scholar',
    industries: ['17', '18'],
    localIndustries: ['sx-textile'],
  });
  const talent = await person(yuecheng, {
    name: '钱正阳',
    affiliation: '绍兴市越城区市场监督管理局',
    field: 'law',
    fields: ['it'],
    roles: ['enforcement_talent', 'guide'],
    profession: 'officer',
    jurisdictionCode: '330602',
    background: '电子取证与数据分析骨干',
  });

  demo.on('2021-08-20');
  await shaoxing.post(`/experts/${judge.id}/records`, {
    kind: 'consultation',
    occurredOn: '2021-07-12',
    title: '商业秘密行政执法与司法保护衔接问题咨询',
    description: '就秘密性认定与鉴定意见的采信提出意见。',
  });
  await shaoxing.post(`/experts/${judge.id}/records`, {
    kind: 'research',
    occurredOn: '2021-08-10',
    title: '绍兴市重点产业商业秘密保护状况课题',
  });
  await yuecheng.post(`/experts/${talent.id}/records`, {
    kind: 'case',
    occurredOn: '2021-08-05',
    title: '某黄酒企业酿造工艺泄露案电子取证',
    caseRef: '绍越市监案〔2021〕12号',
  });

  // Contact firms with their liaison officers, and a contact each.
  const wine = await demo.as('applicant8');
  const pearl = await demo.as('applicant9');
  const unitOf = async (session: Session) => (await session.get<{ items: { id: string }[] }>('/units')).items[0]!.id;
  const zhuji = await demo.as('zhuji');
  const me = async (session: Session) => (await session.get<{ user: { id: string } }>('/auth/me')).user.id;
  const wineFirm = await yuecheng.post<{ id: string }>('/contact-firms', {
    unitId: await unitOf(wine),
    liaisonOfficerId: await me(yuecheng),
    contactName: '徐文娟',
    contactPosition: '法务主管',
    contactPhone: '0575-88012345',
  });
  await yuecheng.post(`/contact-firms/${wineFirm.id}/contacts`, {
    contactedOn: '2021-08-18',
    way: 'visit',
    content: '上门指导开展商业秘密风险评估，协助梳理酿造工艺与客户名单的保密措施。',
  });
  const pearlFirm = await zhuji.post<{ id: string }>('/contact-firms', {
    unitId: await unitOf(pearl),
    liaisonOfficerId: await me(zhuji),
    contactName: '何珊',
    contactPhone: '0575-87012345',
    intervalDays: 60,
  });
  await zhuji.post(`/contact-firms/${pearlFirm.id}/contacts`, {
    contactedOn: '2021-08-12',
    way: 'phone',
    content: '电话了解珍珠养殖与加工技术秘密的保护情况，提醒及时签订保密协议。',
  });

  // The 黄酒 firm adopts the provincial standard; 越城 confirms.
  const file = await wine.upload('贯标自评报告.pdf', PDF('demo adoption'));
  const adoption = await wine.post<{ id: string; version: number }>('/standard-adoptions', {
    adoptedOn: '2021-06-30',
    statement:
      '本单位按《商业秘密保护管理与服务规范》建立商业秘密管理制度、密级标识、涉密人员与保密协议管理，并开展全员培训。',
    attachments: [file],
  });
  demo.on('2021-08-25');
  await yuecheng.post(`/standard-adoptions/${adoption.id}/decision`, {
    status: 'confirmed',
    note: '经实地核查，制度健全、落实到位。',
    version: adoption.version,
  });
}
