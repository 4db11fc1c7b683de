/**
 * Chinese strings used across pages: the product name, menu titles and the labels of record fields. Enumerations
 * (unit kinds, roles, levels, contact roles, audit actions) are not here: their labels come from src/shared/enums.ts.
 */

export const APP_TITLE = '商秘 · 商业秘密保护示范基地管理平台';
export const APP_NAME = '商秘';
export const APP_SUBTITLE = '商业秘密保护示范基地管理平台';

export const MENU = {
  home: '首页',
  myUnit: '本单位信息',
  evidence: '商业秘密存证',
  selfAssessment: '自评',
  programmes: '工作方案',
  applications: '申报管理',
  publicityAdmin: '公示管理',
  panelResults: '验收结果',
  baseManagement: '动态管理',
  assessments: '评估考核',
  reports: '统计与报送',
  targets: '目标任务',
  experts: '专家库',
  expertMe: '我的专家信息',
  calendar: '工作日历',
  ledger: '工作台账',
  units: '单位管理',
  jurisdictions: '辖区',
  audit: '操作日志',
  reviews: '我的评审任务',
  users: '账号管理',
  help: '帮助',
  // People and outreach (issue 13)
  contactFirms: '联系企业',
  standardAdoptions: '贯标企业',
  // Services, attack service, guides (issue 13)
  services: '服务与活动',
  attack: '模拟攻击评估',
  guides: '指引与范本',
  trainings: '培训与大讲堂',
  trainingStats: '培训统计',
  // rights (issue 12)
  rights: '维权受理',
  // rights-cases (issue 12)
  rightsCases: '维权办案',
} as const;

/** Labels of unit fields: the forms, the profile and the audit trail's before/after all use these. */
export const UNIT_FIELDS = {
  kind: '单位类型',
  name: '单位名称',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人/负责人',
  address: '地址',
  postcode: '邮政编码',
  industryCode: '所属行业',
  staffCount: '员工人数',
  annualOutput: '年产值（万元）',
  jurisdictionCode: '所属辖区',
  parkId: '所在园区',
  memberIds: '会员单位',
  contacts: '联系人',
  members: '会员单位',
} as const;

/** Labels of contact fields, after 004 annex 6 (工作联络人信息表). */
export const CONTACT_FIELDS = {
  role: '类别',
  name: '姓名',
  department: '部门',
  position: '职务',
  officePhone: '办公电话',
  mobile: '个人电话',
  email: '电子邮箱',
  remark: '备注',
} as const;

/** Labels of account fields (user administration, audit trail). */
export const USER_FIELDS = {
  username: '用户名',
  displayName: '姓名/名称',
  password: '密码',
  role: '角色',
  unitId: '绑定单位',
  jurisdictionCode: '绑定辖区',
  phone: '联系电话',
  email: '电子邮箱（接收通知）',
  disabled: '已停用',
} as const;

/** Labels of jurisdiction fields. */
export const JURISDICTION_FIELDS = {
  code: '辖区代码',
  name: '名称',
  level: '级别',
  parentCode: '上级辖区',
  path: '路径',
} as const;

export const COMMON = {
  loadFailed: '加载失败',
  saved: '已保存',
  unknownError: '操作失败，请稍后重试',
  sessionExpired: '登录已失效，请重新登录',
  noData: '暂无数据',
  empty: '—',
} as const;
