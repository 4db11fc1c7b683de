/** The fields of a typical case's public text (written by the officer; nothing is copied from the case file). */
import { Form, Input } from 'antd';

export function TypicalCaseFields() {
  return (
    <>
      <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="summary" label="摘要" rules={[{ required: true, message: '请填写摘要' }]}>
        <Input.TextArea rows={2} maxLength={300} />
      </Form.Item>
      <Form.Item name="body" label="案情与处理" rules={[{ required: true, message: '请填写案情与处理' }]}>
        <Input.TextArea rows={6} maxLength={10000} />
      </Form.Item>
      <Form.Item name="significance" label="典型意义">
        <Input.TextArea rows={3} maxLength={3000} />
      </Form.Item>
      <Form.Item name="secretCategory" label="商业秘密类型（公开标签）">
        <Input maxLength={30} placeholder="如：技术信息" />
      </Form.Item>
      <Form.Item name="industry" label="所属行业（公开标签）">
        <Input maxLength={30} />
      </Form.Item>
    </>
  );
}
