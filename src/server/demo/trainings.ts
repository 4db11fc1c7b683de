/**
 * The lived-in demo of the trainings module, through the API like the rest of the showcase: the city's
 * 商业秘密保护大讲堂 with sub-venues at the Yuecheng and Zhuji bureaus, two firms attending (checked in by their
 * hosts, so their ledgers gain the training), a walk-in, feedback, and a forum still open for registration.
 */
interface DemoSession {
  get<T = unknown>(url: string): Promise<T>;
  post<T = unknown>(url: string, payload: unknown): Promise<T>;
}
interface DemoDriver {
  on(date: string): void;
  as(username: string): Promise<DemoSession>;
}
interface Registration {
  id: string;
  attendeeName: string;
}

const venue = (role: 'main' | 'sub', name: string, host: string, capacity: number, address: string) => ({
  role,
  name,
  hostJurisdictionCode: host,
  capacity,
  address,
});

export async function seedTrainingShowcase(demo: DemoDriver): Promise<void> {
  const city = await demo.as('shaoxing');
  const unitOf = async (username: string) =>
    (await (await demo.as(username)).get<{ user: { unitId: string } }>('/auth/me')).user.unitId;
  demo.on('2021-11-01');
  const lecture = await city.post<{ id: string; venues: { id: string; name: string }[] }>('/trainings', {
    kind: 'lecture',
    title: '商业秘密保护大讲堂（第三期）：数字经济时代的商业秘密保护',
    description: '市局设主会场，越城区局、诸暨市局设分会场同步开讲，面向辖区登记企业。',
    ownerJurisdictionCode: '330600',
    audience: 'registered_units',
    startsOn: '2021-11-16',
    endsOn: '2021-11-16',
    sessions: [
      {
        title: '商业秘密的认定要件与保密措施',
        startsAt: '09:00',
        speakerName: '王建国',
        speakerTitle: '浙江工商大学法学院教授',
      },
      {
        title: '侵犯商业秘密典型案例解析',
        startsAt: '10:30',
        speakerName: '李敏',
        speakerTitle: '绍兴市中级人民法院法官',
      },
    ],
    venues: [
      venue('main', '市局主会场', '330600', 200, '绍兴市越城区解放北路 1 号'),
      venue('sub', '越城分会场', '330602', 60, '绍兴市越城区中兴中路 222 号'),
      venue('sub', '诸暨分会场', '330681', 60, '诸暨市暨阳街道艮塔西路 138 号'),
    ],
    materials: [],
  });
  const at = (name: string) => lecture.venues.find((v) => v.name === name)!.id;
  const wine = await demo.as('applicant8');
  const pearl = await demo.as('applicant9');
  const wineRegs = await wine.post<{ items: Registration[] }>(`/trainings/${lecture.id}/registrations`, {
    venueId: at('越城分会场'),
    unitId: await unitOf('applicant8'),
    attendees: [
      { name: '陈建华', position: '法务经理' },
      { name: '周丽萍', position: '专职保密员' },
    ],
  });
  const pearlRegs = await pearl.post<{ items: Registration[] }>(`/trainings/${lecture.id}/registrations`, {
    venueId: at('诸暨分会场'),
    unitId: await unitOf('applicant9'),
    attendees: [{ name: '何晓东', position: '技术总监' }],
  });
  demo.on('2021-11-16');
  const yuecheng = await demo.as('yuecheng');
  const zhuji = await demo.as('zhuji');
  for (const r of wineRegs.items) await yuecheng.post(`/training-registrations/${r.id}/check-in`, undefined);
  for (const r of pearlRegs.items) await zhuji.post(`/training-registrations/${r.id}/check-in`, undefined);
  await zhuji.post(`/trainings/${lecture.id}/walk-ins`, {
    venueId: at('诸暨分会场'),
    unitName: '诸暨市山下湖珍珠行业协会',
    attendee: { name: '楼国强', position: '秘书长' },
  });
  await wine.post(`/training-registrations/${wineRegs.items[0]!.id}/feedback`, {
    answers: { overall: 5, content: 5, speaker: 5, organisation: 4, topics: '黄酒配方与工艺的保密管理' },
  });

  demo.on('2021-11-20');
  await city.post('/trainings', {
    kind: 'forum',
    title: '绍兴市商业秘密保护论坛（黄酒与珍珠产业专场）',
    ownerJurisdictionCode: '330600',
    audience: 'registered_units',
    startsOn: '2021-12-10',
    endsOn: '2021-12-10',
    sessions: [
      {
        title: '传统产业配方工艺的保护实践',
        startsAt: '14:00',
        speakerName: '沈志明',
        speakerTitle: '绍兴市黄酒行业协会',
      },
    ],
    venues: [venue('main', '市局三楼会议室', '330600', 80, '绍兴市越城区解放北路 1 号')],
    materials: [],
  });
}
