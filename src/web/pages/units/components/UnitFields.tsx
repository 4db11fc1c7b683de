/**
 * The fields of a unit (registration by a bureau, self-registration, editing): identity with the inline credit-code
 * check, address, industry, size, jurisdiction, park, member units and contacts. Rendered inside a parent <Form>;
 * `prefix` nests the fields (self-registration sends them as `unit`).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { checkCreditCode } from '../../../../core/credit-code';
import { ContactRole, type UnitKind } from '../../../../shared/enums';
import { ContactInputSchema, UnitInputSchema } from '../../../../shared/schemas/unit';
import type { UnitRef } from '../../../app/types';
import { creditCodeRule, normalizeCreditCode, required, zodRule } from '../../../components/form-rules';
import { IndustryCascader } from '../../../components/IndustryCascader';
import { JurisdictionTreeSelect } from '../../../components/JurisdictionTreeSelect';
import { UNIT_KIND_OPTIONS } from '../../../components/UnitKindTag';
import { UnitSelect } from '../../../components/UnitSelect';
import { useJurisdictions } from '../../../hooks/useJurisdictions';
import { CONTACT_FIELDS, UNIT_FIELDS } from '../../../locales/zh-CN';
import type { ContactFormValue } from './unit-form-values';

type NamePath = (string | number)[];

export interface UnitFieldsProps {
  /** Where the unit's fields sit in the form's values (['unit'] in self-registration). */
  prefix?: NamePath;
  /** Kind cannot change after registration. */
  kindLocked?: boolean;
  /** Limit the jurisdiction choice to this subtree (an officer's area). */
  jurisdictionRoot?: string | null;
  /** Applicants cannot move their unit to another jurisdiction. */
  jurisdictionLocked?: boolean;
  /** Whether the user may search units (park, members); anonymous and applicant users may not. */
  canPickUnits: boolean;
  /** The unit being edited: excluded from its own park and member choices. */
  unitId?: string;
  /** Names of the current park and members, shown before any search. */
  knownUnits?: readonly UnitRef[];
}

const CONTACT_ROLE_OPTIONS = ContactRole.values.map((value) => ({ value, label: ContactRole.labels[value] }));
const contactShape = ContactInputSchema.shape;
const unitShape = UnitInputSchema.shape;

function CreditCodeHint({ prefix }: { prefix: NamePath }) {
  const code = Form.useWatch<string | undefined>([...prefix, 'creditCode']);
  const { byCode, items } = useJurisdictions();
  if (!code) return <span>18位，由登记管理部门代码、机构类别、行政区划代码、主体标识码和校验码组成</span>;
  const result = checkCreditCode(code);
  if (!result.valid || !result.regionCode || items.length === 0) return null;
  const region = byCode.get(result.regionCode);
  if (!region) {
    return (
      <Typography.Text type="warning">行政区划代码 {result.regionCode} 不在辖区库中，可以保存，请核实</Typography.Text>
    );
  }
  return (
    <Typography.Text type="success">
      校验通过 · 登记机关所在地：{region.name}（{result.regionCode}）
    </Typography.Text>
  );
}

function ContactsList({ prefix }: { prefix: NamePath }) {
  return (
    <Form.List name={[...prefix, 'contacts']}>
      {(fields, { add, remove }) => (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未填写联络员和保密员" />}
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={`联系人 ${index + 1}`}
              data-testid={`contact-${index}`}
              extra={
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                  删除
                </Button>
              }
            >
              <Row gutter={16}>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[field.name, 'role']}
                    label={CONTACT_FIELDS.role}
                    rules={[{ required: true, message: '请选择联系人类别' }]}
                  >
                    <Select options={CONTACT_ROLE_OPTIONS} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={CONTACT_FIELDS.name}
                    rules={[required('请填写姓名'), zodRule(contactShape.name)]}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[field.name, 'department']}
                    label={CONTACT_FIELDS.department}
                    rules={[zodRule(contactShape.department)]}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[field.name, 'position']}
                    label={CONTACT_FIELDS.position}
                    rules={[zodRule(contactShape.position)]}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[field.name, 'officePhone']}
                    label={CONTACT_FIELDS.officePhone}
                    rules={[zodRule(contactShape.officePhone)]}
                  >
                    <Input placeholder="如 021-52046971" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[field.name, 'mobile']}
                    label={CONTACT_FIELDS.mobile}
                    rules={[zodRule(contactShape.mobile)]}
                  >
                    <Input placeholder="11位手机号码" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[field.name, 'email']}
                    label={CONTACT_FIELDS.email}
                    rules={[zodRule(contactShape.email)]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[field.name, 'remark']}
                    label={CONTACT_FIELDS.remark}
                    rules={[zodRule(contactShape.remark)]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Space wrap>
            {ContactRole.values.map((role) => (
              <Button
                key={role}
                icon={<PlusOutlined />}
                onClick={() => add({ role } satisfies ContactFormValue)}
                disabled={fields.length >= 20}
              >
                添加{ContactRole.labels[role]}
              </Button>
            ))}
          </Space>
        </Space>
      )}
    </Form.List>
  );
}

export function UnitFields({
  prefix = [],
  kindLocked,
  jurisdictionRoot,
  jurisdictionLocked,
  canPickUnits,
  unitId,
  knownUnits = [],
}: UnitFieldsProps) {
  const kind = Form.useWatch<UnitKind | undefined>([...prefix, 'kind']);
  const name = (field: string): NamePath => [...prefix, field];
  const exclude = unitId ? [unitId] : [];

  return (
    <>
      <Card title="基本信息" size="small" style={{ marginBottom: 16 }}>
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item
              name={name('kind')}
              label={UNIT_FIELDS.kind}
              rules={[{ required: true, message: '请选择单位类型' }]}
            >
              <Select options={UNIT_KIND_OPTIONS} disabled={kindLocked} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={name('name')}
              label={UNIT_FIELDS.name}
              rules={[required('请填写单位名称'), zodRule(unitShape.name)]}
            >
              <Input maxLength={100} placeholder="与营业执照或登记证书一致" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={name('creditCode')}
              label={UNIT_FIELDS.creditCode}
              normalize={normalizeCreditCode}
              rules={[required('请填写统一社会信用代码'), creditCodeRule]}
              extra={<CreditCodeHint prefix={prefix} />}
            >
              <Input maxLength={18} placeholder="18位统一社会信用代码" style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={name('legalRepresentative')}
              label={UNIT_FIELDS.legalRepresentative}
              rules={[required('请填写法定代表人/负责人'), zodRule(unitShape.legalRepresentative)]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name={name('address')}
              label={UNIT_FIELDS.address}
              rules={[required('请填写地址'), zodRule(unitShape.address)]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={name('postcode')}
              label={UNIT_FIELDS.postcode}
              rules={[required('请填写邮政编码'), zodRule(unitShape.postcode)]}
            >
              <Input maxLength={6} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={name('industryCode')}
              label={UNIT_FIELDS.industryCode}
              rules={[{ required: true, message: '请选择所属行业' }]}
              tooltip="国民经济行业分类（GB/T 4754-2017）门类与大类"
            >
              <IndustryCascader />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={name('jurisdictionCode')}
              label={UNIT_FIELDS.jurisdictionCode}
              rules={[{ required: true, message: '请选择所属辖区' }]}
              extra={jurisdictionLocked ? '所属辖区由主管市场监管部门调整' : undefined}
            >
              <JurisdictionTreeSelect rootCode={jurisdictionRoot} disabled={jurisdictionLocked} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={name('staffCount')} label={UNIT_FIELDS.staffCount} rules={[zodRule(unitShape.staffCount)]}>
              <InputNumber min={0} precision={0} suffix="人" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={name('annualOutput')}
              label={UNIT_FIELDS.annualOutput}
              rules={[zodRule(unitShape.annualOutput)]}
            >
              <InputNumber min={0} precision={2} suffix="万元" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {kind !== 'park' && canPickUnits && (
            <Col xs={24} md={12}>
              <Form.Item name={name('parkId')} label={UNIT_FIELDS.parkId} tooltip="企业所在的产业园区（园区须已登记）">
                <UnitSelect
                  kind="park"
                  excludeIds={exclude}
                  initialOptions={knownUnits}
                  placeholder="不在园区内可不选"
                />
              </Form.Item>
            </Col>
          )}
          {kind === 'association' && canPickUnits && (
            <Col xs={24}>
              <Form.Item
                name={name('memberIds')}
                label={UNIT_FIELDS.memberIds}
                tooltip="本协会/商会的会员单位（须已登记）"
              >
                <UnitSelect multiple excludeIds={exclude} initialOptions={knownUnits} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Card>
      <Card title="联络员与保密员" size="small" style={{ marginBottom: 16 }}>
        <ContactsList prefix={prefix} />
      </Card>
    </>
  );
}
