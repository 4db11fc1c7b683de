/**
 * Registers or edits an expert. Edits send only the changed fields with the version read; the server's field
 * messages land on the form. Administrators may link the expert's login (an account with the role expert).
 */
import { Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { BUREAU_INDUSTRIES } from '../../../../shared/data/bureau-industries';
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '../../../../shared/data/industries';
import { ExpertField } from '../../../../shared/enums';
import { Availability, PersonLevel, PersonRole, Profession } from '../../../../shared/enums-people';
import { api, useApiErrorHandler } from '../../../app/api';
import { useCurrentUser } from '../../../app/auth';
import type { Page, UserAccount } from '../../../app/types';
import { required, textOrNull } from '../../../components/form-rules';
import { JurisdictionTreeSelect } from '../../../components/JurisdictionTreeSelect';
import type { Expert } from '../types';

interface ExpertFormValues {
  name: string;
  affiliation: string;
  field: ExpertField;
  industries: string[];
  phone?: string;
  email?: string;
  background?: string;
  jurisdictionCode?: string;
  userId?: string | null;
  active: boolean;
  roles: PersonRole[];
  profession?: Profession | null;
  fields: ExpertField[];
  localIndustries: string[];
  level?: PersonLevel | null;
  availability: Availability;
  availabilityNote?: string;
}

const optionsOf = <T extends string>(e: { values: readonly T[]; labels: Record<T, string> }) =>
  e.values.map((value) => ({ value, label: e.labels[value] }));
export const ROLE_OPTIONS = optionsOf(PersonRole);
export const PROFESSION_OPTIONS = optionsOf(Profession);
export const LEVEL_OPTIONS = optionsOf(PersonLevel);
export const AVAILABILITY_OPTIONS = optionsOf(Availability);
/** Bureaus' own industry lists, grouped by the bureau's grouping (the server checks the registry may use them). */
export const LOCAL_INDUSTRY_OPTIONS = Object.values(BUREAU_INDUSTRIES)
  .flat()
  .map((i) => ({ value: i.code, label: `${i.name}（${i.group}）` }));

export const FIELD_OPTIONS = ExpertField.values.map((value) => ({ value, label: ExpertField.labels[value] }));

/** Divisions grouped by section, searchable by code or name. */
export const INDUSTRY_OPTIONS = INDUSTRY_SECTIONS.map((section) => ({
  label: `${section.code} ${section.name}`,
  title: section.name,
  options: INDUSTRY_DIVISIONS.filter((d) => d.section === section.code).map((d) => ({
    value: d.code,
    label: `${d.code} ${d.name}`,
  })),
})).filter((group) => group.options.length > 0);

/** Searches expert accounts (GET /users is for administrators). */
function ExpertAccountSelect({
  value,
  onChange,
  id,
  initial,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  initial?: { id: string; username: string } | null;
}) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setLoading(true);
      api
        .get<Page<UserAccount>>('/users', { role: 'expert', q: q.trim(), pageSize: 50 })
        .then((page) =>
          setOptions(
            page.items
              .filter((u) => !u.disabled)
              .map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` })),
          ),
        )
        .catch(() => setOptions([]))
        .finally(() => setLoading(false));
    }, 250);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: load the first page once
  useEffect(() => {
    search('');
    return () => clearTimeout(timer.current);
  }, []);

  const merged = useMemo(() => {
    const map = new Map(options.map((o) => [o.value, o]));
    if (initial && !map.has(initial.id)) map.set(initial.id, { value: initial.id, label: initial.username });
    return [...map.values()];
  }, [options, initial]);

  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={merged}
      loading={loading}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      placeholder="搜索角色为“专家”的账号"
    />
  );
}

interface ExpertFormModalProps {
  /** The expert to edit; absent to register one. */
  expert?: Expert;
  onClose: (saved?: Expert) => void;
}

export function ExpertFormModal({ expert, onClose }: ExpertFormModalProps) {
  const me = useCurrentUser();
  const [form] = Form.useForm<ExpertFormValues>();
  const handleError = useApiErrorHandler();
  const [saving, setSaving] = useState(false);
  const isAdmin = me.role === 'admin';

  const submit = async (values: ExpertFormValues) => {
    setSaving(true);
    const body = {
      name: values.name.trim(),
      affiliation: values.affiliation.trim(),
      field: values.field,
      industries: values.industries ?? [],
      phone: textOrNull(values.phone),
      email: textOrNull(values.email),
      background: textOrNull(values.background),
      jurisdictionCode: values.jurisdictionCode,
      roles: values.roles,
      profession: values.profession ?? null,
      fields: (values.fields ?? []).filter((f) => f !== values.field),
      localIndustries: values.localIndustries ?? [],
      level: values.level ?? null,
      availability: values.availability,
      availabilityNote: textOrNull(values.availabilityNote),
      ...(isAdmin ? { userId: values.userId ?? null } : {}),
    };
    try {
      const saved = expert
        ? await api.patch<Expert>(`/experts/${expert.id}`, { ...body, active: values.active, version: expert.version })
        : await api.post<Expert>('/experts', body);
      onClose(saved);
    } catch (error) {
      handleError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={expert ? `编辑专家 ${expert.name}` : '新增专家'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
      width={640}
    >
      <Form<ExpertFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        aria-label={expert ? '编辑专家' : '新增专家'}
        initialValues={
          expert
            ? {
                name: expert.name,
                affiliation: expert.affiliation,
                field: expert.field,
                industries: expert.industries,
                phone: expert.phone ?? undefined,
                email: expert.email ?? undefined,
                background: expert.background ?? undefined,
                jurisdictionCode: expert.jurisdictionCode,
                userId: expert.userId,
                active: expert.active,
                roles: expert.roles,
                profession: expert.profession,
                fields: expert.fields,
                localIndustries: expert.localIndustries,
                level: expert.level,
                availability: expert.availability,
                availabilityNote: expert.availabilityNote ?? undefined,
              }
            : {
                industries: [],
                active: true,
                jurisdictionCode: me.jurisdictionCode ?? undefined,
                roles: ['acceptance_expert'],
                fields: [],
                localIndustries: [],
                availability: 'available',
              }
        }
      >
        <Form.Item name="name" label="姓名" rules={[required('请填写姓名')]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="affiliation" label="工作单位" rules={[required('请填写工作单位')]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="roles" label="人员类别" rules={[{ required: true, message: '请至少选择一个人员类别' }]}>
          <Select mode="multiple" options={ROLE_OPTIONS} placeholder="验收专家、智库成员、执法办案人才、行政指导员" />
        </Form.Item>
        <Form.Item name="profession" label="职业">
          <Select options={PROFESSION_OPTIONS} allowClear placeholder="法官、检察官、学者、律师…" />
        </Form.Item>
        <Form.Item name="field" label="专业领域" rules={[{ required: true, message: '请选择专业领域' }]}>
          <Select options={FIELD_OPTIONS} placeholder="请选择专业领域" />
        </Form.Item>
        <Form.Item name="fields" label="其他领域" extra="如法学、产业经济学、信息技术">
          <Select mode="multiple" options={FIELD_OPTIONS} allowClear />
        </Form.Item>
        <Form.Item name="industries" label="熟悉行业" extra="国民经济行业分类（GB/T 4754-2017）大类，最多20个">
          <Select
            mode="multiple"
            options={INDUSTRY_OPTIONS}
            optionFilterProp="label"
            maxCount={20}
            allowClear
            placeholder="可输入代码或名称搜索"
          />
        </Form.Item>
        <Form.Item name="localIndustries" label="本地产业" extra="所属监管部门的产业目录（如绍兴市九大产业）">
          <Select mode="multiple" options={LOCAL_INDUSTRY_OPTIONS} optionFilterProp="label" allowClear />
        </Form.Item>
        <Form.Item name="level" label="人才库层级" extra="不填则按所属辖区确定">
          <Select options={LEVEL_OPTIONS} allowClear />
        </Form.Item>
        <Form.Item name="availability" label="可邀请情况">
          <Select options={AVAILABILITY_OPTIONS} />
        </Form.Item>
        <Form.Item name="availabilityNote" label="可邀请情况说明">
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="email" label="电子邮箱" rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="background" label="履历与关联情况" extra="曾任职单位等，指派评审时供回避参考">
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="jurisdictionCode"
          label="专家库所属辖区"
          rules={[{ required: true, message: '请选择专家库所属辖区' }]}
        >
          <JurisdictionTreeSelect rootCode={isAdmin ? null : me.jurisdictionCode} />
        </Form.Item>
        {isAdmin ? (
          <Form.Item name="userId" label="专家账号" extra="关联后专家可登录系统在线评审">
            <ExpertAccountSelect
              initial={expert?.userId ? { id: expert.userId, username: expert.username ?? expert.userId } : null}
            />
          </Form.Item>
        ) : (
          expert && (
            <Form.Item label="专家账号" extra="专家账号由系统管理员关联">
              <Input value={expert.username ?? '未关联'} disabled />
            </Form.Item>
          )
        )}
        {expert && (
          <Form.Item name="active" label="在库可用" valuePropName="checked" extra="停用后不能再被指派评审">
            <Switch checkedChildren="可用" unCheckedChildren="停用" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
