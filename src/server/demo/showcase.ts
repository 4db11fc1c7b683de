/**
 * The lived-in demo: applications in several states under Wuhan's and Shaoxing's programmes, certified bases in the
 * public registry, an open publicity notice with an objection, ledger entries and sealed evidence with certificates.
 *
 * Everything goes through the HTTP API in-process (`app.inject`), as the bureaus, firms, experts and the public
 * would do it — the policies, guards, transition service, audit and notifications all apply, so the data obeys the
 * rules. Each step is taken on the business date it would have happened on (the seed programmes are of 2021–2022);
 * the publicity notice starts on the business date of the seeding run, so it is open whenever the demo is first
 * started (today, or BUSINESS_DATE) and closes after its working days like any notice.
 *
 * It uses its own units and accounts (Wuhan's 东湖 and 经开 zones, 江岸; Shaoxing's 越城 and 诸暨), never the
 * demo applicants 1–3 or the districts the browser tests walk (Putuo, Keqiao, Hongshan, Shijingshan), so it takes no
 * quota or ranking slot of theirs. Idempotent: it runs once, when the first of its accounts does not exist yet.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { FormField } from '../../core/programs/schema';
import type { Rubric } from '../../core/rubric/schema';
import { buildApp } from '../app';
import { businessDate } from '../clock';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { loginThrottles, users } from '../db/schema';
import { seedPeople } from './people';
import { DEMO_PASSWORD } from './seed';
import { seedServicesDemo } from './services';
import { seedTrainingShowcase } from './trainings';

export interface ShowcaseAccount {
  username: string;
  displayName: string;
  role: 'officer' | 'applicant';
  jurisdictionCode?: string;
  /** Applicants: the name of their demo unit (src/server/demo/demo-units.ts). */
  unitName?: string;
}

/** The showcase's own logins (also listed in the README and printed at start). */
export const SHOWCASE_ACCOUNTS: readonly ShowcaseAccount[] = [
  {
    username: 'donghu',
    displayName: '东湖新技术开发区市场监督管理局',
    role: 'officer',
    jurisdictionCode: '420171',
  },
  { username: 'yuecheng', displayName: '绍兴市越城区市场监督管理局', role: 'officer', jurisdictionCode: '330602' },
  { username: 'zhuji', displayName: '诸暨市市场监督管理局', role: 'officer', jurisdictionCode: '330681' },
  {
    username: 'applicant4',
    displayName: '申报联系人（东湖激光企业）',
    role: 'applicant',
    unitName: '武汉楚天智能激光技术有限公司',
  },
  {
    username: 'applicant5',
    displayName: '申报联系人（东湖芯片企业）',
    role: 'applicant',
    unitName: '武汉芯联微电子有限公司',
  },
  {
    username: 'applicant6',
    displayName: '申报联系人（经开汽车企业）',
    role: 'applicant',
    unitName: '武汉经开智能汽车科技有限公司',
  },
  {
    username: 'applicant7',
    displayName: '申报联系人（江岸汽配企业）',
    role: 'applicant',
    unitName: '武汉江城汽车零部件有限公司',
  },
  {
    username: 'applicant8',
    displayName: '申报联系人（越城黄酒企业）',
    role: 'applicant',
    unitName: '绍兴越醇黄酒有限公司',
  },
  {
    username: 'applicant9',
    displayName: '申报联系人（诸暨珍珠企业）',
    role: 'applicant',
    unitName: '诸暨珍源珍珠有限公司',
  },
];

const EXPERTS = ['expert1', 'expert2', 'expert3'] as const;

interface Application {
  id: string;
  version: number;
  unitName?: string;
  form?: { fields: FormField[] } | null;
  formData?: Record<string, unknown>;
}

class ShowcaseError extends Error {}

/** One logged-in user's requests; every call states the status it expects and fails loudly otherwise. */
export class Session {
  constructor(
    private readonly app: FastifyInstance,
    private readonly cookie: string | null,
    private readonly csrf: string | null,
  ) {}

  async call<T = unknown>(method: InjectOptions['method'], url: string, payload?: unknown, expected = [200, 201]) {
    const res: LightMyRequestResponse = await this.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
      },
    });
    if (!expected.includes(res.statusCode)) {
      throw new ShowcaseError(`demo showcase: ${method} ${url} answered ${res.statusCode}: ${res.body}`);
    }
    return res.json() as T;
  }

  /** Uploads a file as this user (issue 13's demo cites uploaded reports and guides). */
  async upload(fileName: string, content: Buffer): Promise<{ sha256: string; fileName: string }> {
    const boundary = '----shangmi-demo-boundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await this.app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      payload,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
      },
    });
    if (res.statusCode !== 201) throw new ShowcaseError(`demo showcase: upload ${fileName}: ${res.body}`);
    return { sha256: res.json().sha256, fileName };
  }

  get = <T = unknown>(url: string) => this.call<T>('GET', url);
  post = <T = unknown>(url: string, payload: unknown) => this.call<T>('POST', url, payload);
  patch = <T = unknown>(url: string, payload: unknown) => this.call<T>('PATCH', url, payload);
  put = <T = unknown>(url: string, payload: unknown) => this.call<T>('PUT', url, payload);
}

/** Answers every item in full (or every requirement met), with a comment where the sheet asks for one. */
function fullAnswers(rubric: Rubric, note?: string): Record<string, { score?: number; met?: boolean; note?: string }> {
  const withNote = note ? { note } : {};
  if (rubric.form === 'scored') {
    const items = [...rubric.indicators.flatMap((i) => i.items), ...rubric.bonusGroups.flatMap((g) => g.items)];
    return Object.fromEntries(items.map((item) => [item.id, { score: item.points, ...withNote }]));
  }
  const requirements = rubric.conditions.flatMap((c) => c.requirements);
  return Object.fromEntries(requirements.map((r) => [r.id, { met: true, ...withNote }]));
}

/** Plausible values for the form fields the unit's record did not fill in already. */
function formValues(fields: readonly FormField[], current: Record<string, unknown>, unit: { creditCode: string }) {
  const values: Record<string, unknown> = {};
  for (const f of fields) {
    if (current[f.key] !== undefined && current[f.key] !== null && current[f.key] !== '') continue;
    switch (f.type) {
      case 'integer':
        values[f.key] = Math.max(f.min ?? 0, 12);
        break;
      case 'decimal':
        values[f.key] = Math.max(f.min ?? 0, 1200);
        break;
      case 'percent':
        values[f.key] = 85;
        break;
      case 'date':
        values[f.key] = '2021-06-30';
        break;
      case 'select':
        values[f.key] = f.options![0]!;
        break;
      case 'phone':
        values[f.key] = '027-87651234';
        break;
      case 'postcode':
        values[f.key] = '430074';
        break;
      case 'credit_code':
        values[f.key] = unit.creditCode;
        break;
      case 'industry':
        values[f.key] = '39';
        break;
      default:
        values[f.key] = `已按要求落实${f.label}，详见附件材料。`;
    }
  }
  return { ...current, ...values };
}

/** The showcase run: its own app instance on the database, whose business date it moves from step to step. */
class Showcase {
  private readonly sessions = new Map<string, Session>();
  private readonly programmeIds = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly config: Config,
  ) {}

  on(date: string) {
    this.config.BUSINESS_DATE = date;
  }

  async as(username: string): Promise<Session> {
    const known = this.sessions.get(username);
    if (known) return known;
    const res = await this.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    });
    if (res.statusCode !== 200) throw new ShowcaseError(`demo showcase: login ${username}: ${res.body}`);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const session = new Session(this.app, cookie, res.json().csrfToken);
    this.sessions.set(username, session);
    return session;
  }

  anonymous() {
    return new Session(this.app, null, null);
  }

  async programme(code: string): Promise<string> {
    const cached = this.programmeIds.get(code);
    if (cached) return cached;
    const admin = await this.as('admin');
    const list = await admin.get<{ items: { id: string; code: string }[] }>('/programs?status=published');
    const found = list.items.find((p) => p.code === code);
    if (!found) throw new ShowcaseError(`demo showcase: no published programme ${code}`);
    this.programmeIds.set(code, found.id);
    return found.id;
  }

  async createAccounts() {
    const admin = await this.as('admin');
    for (const account of SHOWCASE_ACCOUNTS) {
      let unitId: string | undefined;
      if (account.unitName) {
        const units = await admin.get<{ items: { id: string; name: string }[] }>(
          `/units?q=${encodeURIComponent(account.unitName)}`,
        );
        unitId = units.items.find((u) => u.name === account.unitName)?.id;
        if (!unitId) throw new ShowcaseError(`demo showcase: no demo unit ${account.unitName}`);
      }
      await admin.post('/users', {
        username: account.username,
        displayName: account.displayName,
        password: DEMO_PASSWORD,
        role: account.role,
        ...(account.jurisdictionCode ? { jurisdictionCode: account.jurisdictionCode } : {}),
        ...(unitId ? { unitId } : {}),
      });
    }
  }

  /** A self-assessment answered in full, turned into a complete draft application. */
  async draft(applicant: string, code: string, kindId: string): Promise<Application> {
    const session = await this.as(applicant);
    const assessment = await session.post<{ id: string; version: number; rubric: Rubric }>('/self-assessments', {
      programmeId: await this.programme(code),
      kindId,
    });
    await session.patch(`/self-assessments/${assessment.id}`, {
      version: assessment.version,
      answers: fullAnswers(assessment.rubric, '已建立相应制度并落实，见台账记录。'),
    });
    const draft = await session.post<Application>('/applications', { selfAssessmentId: assessment.id });
    const me = await session.get<{ user: { unitId: string } }>('/auth/me');
    const unit = await session.get<{ creditCode: string }>(`/units/${me.user.unitId}`);
    return session.patch<Application>(`/applications/${draft.id}`, {
      version: draft.version,
      formData: formValues(draft.form?.fields ?? [], draft.formData ?? {}, unit),
      narrative:
        '本单位成立商业秘密保护工作领导小组，由分管副总任组长，设专职保密员；制定商业秘密分级管理、涉密人员管理、' +
        '保密协议与竞业限制等制度，对核心技术资料实行加密存储和访问留痕，每年开展全员培训与自查。',
      applicantOpinion: '同意申报，所填内容真实有效。',
    });
  }

  async act(username: string, application: Application, action: string, extra: Record<string, unknown> = {}) {
    const session = await this.as(username);
    const current = await session.get<Application>(`/applications/${application.id}`);
    return session.post<Application>(`/applications/${application.id}/transitions`, {
      action,
      version: current.version,
      ...extra,
    });
  }

  /**
   * The owning bureau seats the three demo experts, who score in full; the bureau records each acceptance method of
   * the stage and, with `opinion`, writes its comprehensive opinion.
   */
  async acceptance(officer: string, application: Application, on: string, methods: string[], opinion?: string) {
    const session = await this.as(officer);
    for (const username of EXPERTS) {
      const expert = await (await this.as(username)).get<{ id: string }>('/experts/me');
      await session.post(`/applications/${application.id}/panel`, { expertId: expert.id });
    }
    for (const username of EXPERTS) {
      const expert = await this.as(username);
      const panel = await expert.get<{ rubric: Rubric }>(`/applications/${application.id}/panel`);
      await expert.put(`/applications/${application.id}/panel/me`, {
        answers: fullAnswers(panel.rubric, '材料齐全，与现场核查情况一致。'),
        comment: '该单位商业秘密保护制度健全、措施落实，同意通过验收。',
      });
    }
    for (const method of methods) {
      await session.post(`/applications/${application.id}/acceptance-activities`, {
        method,
        occurredOn: on,
        people: '王立法、陈信安、刘鉴真；市局竞争执法处',
        findings: '查阅制度文件与培训台账，抽查涉密载体管理，现场询问保密员。',
      });
    }
    if (!opinion) return;
    const current = await session.get<Application>(`/applications/${application.id}`);
    await session.put(`/applications/${application.id}/acceptance-opinion`, { opinion, version: current.version });
  }

  /** A training and a self-inspection in the unit's ledger. */
  async ledger(applicant: string, on: [string, string]) {
    const session = await this.as(applicant);
    const me = await session.get<{ user: { unitId: string } }>('/auth/me');
    const unitId = me.user.unitId;
    await session.post('/ledger', {
      unitId,
      kind: 'training',
      occurredOn: on[0],
      title: '商业秘密保护全员培训',
      participants: 120,
      reachPercent: 100,
    });
    await session.post('/ledger', {
      unitId,
      kind: 'risk_assessment',
      occurredOn: on[1],
      title: '涉密载体与信息系统风险评估',
    });
  }

  /** Two documents preserved in the evidence log; their certificates are then downloadable. */
  async evidence(applicant: string, labels: string[]) {
    const session = await this.as(applicant);
    for (const label of labels) {
      const digest = createHash('sha256').update(`${applicant}:${label}`).digest('hex');
      await session.post('/evidence/entries', { algorithm: 'sha256', digest, label });
    }
  }

  async run(today: string) {
    await this.createAccounts();
    await this.wuhan();
    await this.shaoxing(today);
    // People and outreach (issue 13): Shaoxing's register, contact firms and a standard adopter.
    await seedPeople({ as: (username) => this.as(username), on: (date) => this.on(date) });
    // Services, attack service, guides (issue 13), on the business date of the first start.
    const firm = await (await this.as('applicant8')).get<{ user: { unitId: string } }>('/auth/me');
    await seedServicesDemo(
      (u) => this.as(u),
      firm.user.unitId,
      (d) => this.on(d),
      today,
    );
    await seedTrainingShowcase(this);
  }

  /** Wuhan (no publicity stage): a certified point and station, one under acceptance, one submitted, one draft. */
  private async wuhan() {
    const methods = ['written_prereview', 'spot_check', 'panel_meeting', 'site_visit'];
    this.on('2022-09-05');
    await this.ledger('applicant4', ['2022-06-16', '2022-08-25']);
    await this.ledger('applicant5', ['2022-07-08', '2022-09-01']);
    await this.evidence('applicant4', ['激光切割头光路设计图 v5', '客户名单（2022年版）']);
    await this.evidence('applicant5', ['28nm 芯片版图说明书']);

    const laser = await this.draft('applicant4', 'wuhan-2022', 'point');
    const chip = await this.draft('applicant5', 'wuhan-2022', 'point');
    await this.act('applicant4', laser, 'submit');
    await this.act('applicant5', chip, 'submit');

    this.on('2022-10-20');
    for (const application of [laser, chip]) {
      await this.act('donghu', application, 'recommend', {
        comment: '经区局筛选评定，符合示范企业创建条件，同意推荐。',
      });
      await this.act('wuhan', application, 'start_acceptance');
    }
    this.on('2022-11-18');
    await this.acceptance(
      'wuhan',
      laser,
      '2022-11-18',
      methods,
      '经书面预审、会议验收和实地考察，该企业商业秘密保护工作成效突出，同意通过验收。',
    );
    await this.acceptance('wuhan', chip, '2022-11-15', methods.slice(0, 2));
    await this.act('wuhan', laser, 'pass', { comment: '同意通过验收。' });

    this.on('2022-12-20');
    await this.act('wuhan', laser, 'approve', { comment: '按规定程序报批同意。' });
    await this.act('wuhan', laser, 'certify', {
      decision: { form: 'document', number: '武市监价竞〔2022〕36号', decidedOn: '2022-12-20' },
    });

    this.on('2022-11-10');
    const auto = await this.draft('applicant6', 'wuhan-2022', 'point');
    await this.act('applicant6', auto, 'submit');
    await this.draft('applicant7', 'wuhan-2022', 'point');
  }

  /**
   * Shaoxing: 越城's point through a past publicity (an objection, answered) to certification; 诸暨's point passed
   * acceptance and is on the notice that opens on the seeding run's business date, with an objection waiting.
   */
  private async shaoxing(today: string) {
    const methods = ['written_prereview', 'spot_check', 'panel_meeting', 'site_visit'];
    const programmeId = await this.programme('shaoxing-2021');
    this.on('2021-07-12');
    await this.ledger('applicant8', ['2021-05-20', '2021-07-01']);
    await this.ledger('applicant9', ['2021-06-10', '2021-07-05']);
    await this.evidence('applicant8', ['黄酒发酵工艺参数表（2021）']);
    const wine = await this.draft('applicant8', 'shaoxing-2021', 'point');
    const pearl = await this.draft('applicant9', 'shaoxing-2021', 'point');
    await this.act('applicant8', wine, 'submit');
    await this.act('applicant9', pearl, 'submit');
    this.on('2021-07-20');
    await this.act('yuecheng', wine, 'recommend', { comment: '经审核，该企业符合市级示范点申报条件，同意推荐。' });
    await this.act('zhuji', pearl, 'recommend', { comment: '经审核，该企业符合市级示范点申报条件，同意推荐。' });
    for (const application of [wine, pearl]) {
      await this.act('shaoxing', application, 'start_acceptance');
      await this.acceptance(
        'shaoxing',
        application,
        '2021-07-20',
        methods,
        '经书面预审、重点抽查和实地考察，符合指南第十条规定条件，同意通过验收。',
      );
      await this.act('shaoxing', application, 'pass', { comment: '同意通过验收。' });
    }

    const shaoxing = await this.as('shaoxing');
    this.on('2021-08-02');
    const past = await shaoxing.post<{ id: string }>('/publicity', {
      programmeId,
      title: '2021年度绍兴市商业秘密保护基地拟认定名单公示（第一批）',
      body: '现将拟认定名单予以公示。公示期间，任何单位和个人对公示对象有异议的，可以实名提出。',
      startsOn: '2021-08-02',
      applicationIds: [wine.id],
    });
    const answered = await this.anonymous().post<{ id: string }>(`/publicity/${past.id}/objections`, {
      applicationId: wine.id,
      name: '李先生',
      contact: '13905751234',
      reasons: '听说该企业曾有技术员离职后带走发酵工艺资料，请核查其保护措施是否落实。',
    });
    const objection = await shaoxing.get<{ items: { id: string; version: number }[] }>(
      `/objections?noticeId=${past.id}`,
    );
    const filed = objection.items.find((o) => o.id === answered.id)!;
    await shaoxing.post(`/objections/${filed.id}/resolution`, {
      resolution: '经核查，该企业已与离职人员签订竞业限制协议并完善了涉密资料交接制度，异议不成立。',
      upheld: false,
      version: filed.version,
    });
    this.on('2021-08-16');
    await this.act('shaoxing', wine, 'approve', { comment: '公示期满，异议不成立，同意认定。' });
    const certified = await this.act('shaoxing', wine, 'certify', {
      decision: { form: 'document', number: '绍市监管竞争〔2021〕9号', decidedOn: '2021-08-16' },
    });
    // An incentive of 002 (动态管理): the certified point is commended and enters the funding scheme.
    this.on('2021-12-20');
    const certificateNo = (certified as Application & { base: { certificateNo: string } }).base.certificateNo;
    await shaoxing.post(`/registry/${encodeURIComponent(certificateNo)}/incentives`, {
      kind: 'funding',
      measure: '纳入知识产权（商业秘密）经费分配因素及补助奖励范围',
      amountYuan: 50000,
      grantedOn: '2021-12-20',
      document: '绍市监管竞争〔2021〕15号',
    });

    this.on(today);
    const open = await shaoxing.post<{ id: string }>('/publicity', {
      programmeId,
      title: '2021年度绍兴市商业秘密保护基地拟认定名单公示（第二批）',
      body: '现将拟认定名单予以公示。公示期间，任何单位和个人对公示对象有异议的，可以实名提出。',
      startsOn: today,
      applicationIds: [pearl.id],
    });
    await this.anonymous().post(`/publicity/${open.id}/objections`, {
      applicationId: pearl.id,
      name: '王女士',
      contact: '13605759876',
      reasons: '该企业的珍珠分级工艺与本厂相似，怀疑其来源，请核查其技术资料来源。',
    });
  }
}

/**
 * Seeds the showcase unless its first account exists. Runs on its own app instance (closed afterwards) with a copy
 * of the config, so moving its business date does not touch the server's. Returns true if it seeded.
 */
export async function seedShowcase(config: Config, database: Database): Promise<boolean> {
  // Instances starting together on one PostgreSQL: one seeds, the others wait and then find it done.
  return database.exclusive('shangmi:seed-showcase', async () => {
    const [existing] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, SHOWCASE_ACCOUNTS[0]!.username))
      .limit(1);
    if (existing) return false;
    const today = businessDate(config);
    const own: Config = { ...config, LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT_PER_MINUTE: 10_000, SMTP_URL: undefined };
    const app = await buildApp({ config: own, database, serveWeb: false });
    try {
      await app.ready();
      await new Showcase(app, own).run(today);
    } finally {
      await app.close();
    }
    // The seeding logged in dozens of times from this machine's address; those attempts are not a person's and must
    // not count against the first real login from the same address (login throttles are shared through the table).
    await database.db.delete(loginThrottles);
    return true;
  });
}
