/**
 * A button that opens a small form in a modal and posts it: the shape of every action on the case page (record a
 * step, ask for an extension, close, commission an appraisal …). Dates are picked on the business calendar and sent
 * as YYYY-MM-DD; server field errors are shown on the fields.
 */
import { Button, type ButtonProps, Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useApiErrorHandler } from '../../app/api';

export function ActionForm<T>({
  label,
  title,
  buttonProps,
  children,
  initialValues,
  submit,
  onDone,
}: {
  label: string;
  title: string;
  buttonProps?: ButtonProps;
  children: ReactNode;
  initialValues?: Record<string, unknown>;
  submit: (values: Record<string, unknown>) => Promise<T>;
  onDone: (result: T) => void;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const handleError = useApiErrorHandler();
  const ok = async () => {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    const plain = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [
        k,
        v && typeof (v as Dayjs).format === 'function' ? (v as Dayjs).format('YYYY-MM-DD') : v,
      ]),
    );
    setBusy(true);
    try {
      onDone(await submit(plain));
      setOpen(false);
      form.resetFields();
    } catch (error) {
      handleError(error, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" {...buttonProps} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title}
        okText="确定"
        cancelText="取消"
        confirmLoading={busy}
        onOk={ok}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={initialValues} preserve={false}>
          {children}
        </Form>
      </Modal>
    </>
  );
}
