/** The side menu each role sees, in order (src/web/app/routes.tsx and access.ts decide it). */
import type { Role } from '../../src/shared/enums';

export const MENUS: Record<Role, string[]> = {
  applicant: ['首页', '本单位信息', '商业秘密存证', '自评', '申报管理', '目标任务', '工作台账', '工作方案', '帮助'],
  officer: [
    '首页',
    '申报管理',
    '公示管理',
    '验收结果',
    '专家库',
    '目标任务',
    '工作台账',
    '工作方案',
    '单位管理',
    '辖区',
    '操作日志',
    '维权办案',
    '帮助',
  ],
  expert: ['首页', '我的专家信息', '目标任务', '工作方案', '我的评审任务', '帮助'],
  admin: [
    '首页',
    '申报管理',
    '公示管理',
    '验收结果',
    '专家库',
    '目标任务',
    '工作台账',
    '工作方案',
    '单位管理',
    '辖区',
    '操作日志',
    '工作日历',
    '账号管理',
    '维权办案',
    '帮助',
  ],
};
