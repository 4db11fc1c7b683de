/**
 * The jurisdiction tree (GB/T 2260 codes, levels). Officers see where their own area sits; admins can add a
 * jurisdiction below the selected one.
 */
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Tag,
  Tree,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { JurisdictionLevel } from '../../../../shared/enums';
import { accessFor } from '../../../app/access';
import { api, useApiErrorHandler } from '../../../app/api';
import { useCurrentUser } from '../../../app/auth';
import type { Jurisdiction } from '../../../app/types';
import { PageContainer } from '../../../components/PageContainer';
import { PageLoading } from '../../../components/PageLoading';
import { buildJurisdictionTree, type JurisdictionNode, useJurisdictions } from '../../../hooks/useJurisdictions';
import { JURISDICTION_FIELDS } from '../../../locales/zh-CN';

const LEVEL_COLORS: Record<JurisdictionLevel, string> = {
  national: 'red',
  provincial: 'volcano',
  municipal: 'blue',
  district: 'green',
  functional_zone: 'purple',
};

/** District and functional zone are the lowest levels; a child must sit at a lower level than its parent. */
const rank = (level: JurisdictionLevel) => Math.min(JurisdictionLevel.values.indexOf(level), 3);
const childLevels = (parent: JurisdictionLevel) =>
  JurisdictionLevel.values.filter((level) => level !== 'national' && rank(level) > rank(parent));

interface TreeItem {
  key: string;
  title: React.ReactNode;
  children?: TreeItem[];
}

function toTreeItems(nodes: JurisdictionNode[], ownCode: string | null): TreeItem[] {
  return nodes.map((node) => ({
    key: node.code,
    title: (
      <span data-code={node.code}>
        {node.name}{' '}
        <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
          {node.code}
        </Typography.Text>{' '}
        <Tag color={LEVEL_COLORS[node.level]}>{JurisdictionLevel.labels[node.level]}</Tag>
        {node.code === ownCode && <Tag color="gold">本辖区</Tag>}
      </span>
    ),
    children: node.children.length > 0 ? toTreeItems(node.children, ownCode) : undefined,
  }));
}

interface NewJurisdiction {
  code: string;
  name: string;
  level: JurisdictionLevel;
}

function AddChildModal({ parent, onClose }: { parent: Jurisdiction; onClose: (created?: string) => void }) {
  const [form] = Form.useForm<NewJurisdiction>();
  const handleError = useApiErrorHandler();
  const [saving, setSaving] = useState(false);
  const levels = childLevels(parent.level);
  const submit = async (values: NewJurisdiction) => {
    setSaving(true);
    try {
      const created = await api.post<Jurisdiction>('/jurisdictions', {
        code: values.code.trim(),
        name: values.name.trim(),
        level: values.level,
        parentCode: parent.code,
      });
      onClose(created.code);
    } catch (error) {
      handleError(error, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`在“${parent.name}”下新增辖区`}
      okText="保存"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      <Form<NewJurisdiction>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ level: levels.includes('district') ? 'district' : levels[0] }}
      >
        <Form.Item
          name="code"
          label={JURISDICTION_FIELDS.code}
          rules={[
            { required: true, message: '请填写辖区代码' },
            { pattern: /^\d{6}$/, message: '辖区代码应为6位数字（GB/T 2260）' },
          ]}
          extra="GB/T 2260 行政区划代码；功能区使用本地编码"
        >
          <Input maxLength={6} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item
          name="name"
          label={JURISDICTION_FIELDS.name}
          rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="level" label={JURISDICTION_FIELDS.level} rules={[{ required: true, message: '请选择级别' }]}>
          <Select options={levels.map((value) => ({ value, label: JurisdictionLevel.labels[value] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function JurisdictionTreePage() {
  const user = useCurrentUser();
  const { items, byCode, loading, reload } = useJurisdictions();
  const [selected, setSelected] = useState<string | null>(user.jurisdictionCode);
  const [adding, setAdding] = useState(false);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const { message } = App.useApp();
  const access = accessFor(user);
  const own = user.jurisdictionCode ? byCode.get(user.jurisdictionCode) : undefined;

  const treeData = useMemo(() => toTreeItems(buildJurisdictionTree(items), user.jurisdictionCode), [items, user]);
  const defaultExpanded = useMemo(() => {
    const top = items.filter((j) => j.level === 'national' || j.level === 'provincial').map((j) => j.code);
    // The officer's own area and the path down to it.
    const ownPath = own ? own.path.split('.').filter(Boolean) : [];
    return [...new Set([...top.filter((c) => !own || c === '000000'), ...ownPath])];
  }, [items, own]);

  if (loading) return <PageLoading />;
  const current = selected ? byCode.get(selected) : undefined;
  const parent = current?.parentCode ? byCode.get(current.parentCode) : undefined;
  const canAddHere = access.canAddJurisdiction && current && childLevels(current.level).length > 0;

  return (
    <PageContainer title="辖区" subTitle={`共 ${items.length} 个辖区（GB/T 2260 行政区划代码）`}>
      {own && (
        <Alert type="info" showIcon title={`您的管辖区域为“${own.name}”，可查看并管理该辖区及其下级辖区内的单位。`} />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title="辖区树">
            <Tree
              showLine
              treeData={treeData}
              expandedKeys={expanded ?? defaultExpanded}
              onExpand={(keys) => setExpanded(keys as string[])}
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => setSelected((keys[0] as string | undefined) ?? null)}
              aria-label="辖区树"
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title="辖区信息"
            extra={
              access.canAddJurisdiction && (
                <Button
                  type="primary"
                  size="small"
                  icon={<PlusOutlined />}
                  disabled={!canAddHere}
                  onClick={() => setAdding(true)}
                >
                  新增下级辖区
                </Button>
              )
            }
          >
            {current ? (
              <Descriptions
                size="small"
                column={1}
                bordered
                items={[
                  { key: 'name', label: JURISDICTION_FIELDS.name, children: current.name },
                  { key: 'code', label: JURISDICTION_FIELDS.code, children: current.code },
                  {
                    key: 'level',
                    label: JURISDICTION_FIELDS.level,
                    children: <Tag color={LEVEL_COLORS[current.level]}>{JurisdictionLevel.labels[current.level]}</Tag>,
                  },
                  {
                    key: 'parent',
                    label: JURISDICTION_FIELDS.parentCode,
                    children: parent ? `${parent.name}（${parent.code}）` : '—',
                  },
                  {
                    key: 'children',
                    label: '下级辖区',
                    children: `${items.filter((j) => j.parentCode === current.code).length} 个`,
                  },
                ]}
              />
            ) : (
              <Empty description="在左侧选择一个辖区" />
            )}
            {access.canAddJurisdiction && current && !canAddHere && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                区县级和功能区之下不再设下级辖区。
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
      </Row>
      {adding && current && (
        <AddChildModal
          parent={current}
          onClose={(created) => {
            setAdding(false);
            if (created) {
              message.success('辖区已新增');
              // Open the path down to the new jurisdiction.
              const ancestors = current.path.split('.').filter(Boolean);
              setExpanded([...new Set([...(expanded ?? defaultExpanded), ...ancestors])]);
              void reload().then(() => setSelected(created));
            }
          }}
        />
      )}
    </PageContainer>
  );
}
