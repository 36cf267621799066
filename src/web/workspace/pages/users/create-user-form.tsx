// The form that creates a user: staff roles directly, an enterprise user with its enterprise, picked from a
// search. The password typed here is temporary, and the form says so: the user changes it at first sign-in.
import { Button, Form, Input, Select } from 'antd';
import { t } from '../../../../shared/i18n';
import { ROLES } from '../../../../shared/roles';
import type { CreateUserBody } from '../../../api/types';
import { useLocale } from '../../../lib/locale';
import { useCreateUser } from './api';
import { EnterpriseSelect } from './enterprise-select';

export function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { locale, tr } = useLocale();
  const [form] = Form.useForm<CreateUserBody>();
  const create = useCreateUser();
  const role = Form.useWatch('role', form);
  return (
    <Form<CreateUserBody>
      form={form}
      layout="vertical"
      onFinish={(values) =>
        create.mutate(
          { ...values, enterpriseId: values.role === 'applicant' ? values.enterpriseId : undefined },
          {
            onSuccess: () => {
              form.resetFields();
              onDone();
            },
          },
        )
      }
    >
      <Form.Item name="username" label={tr('users.username')} rules={[{ required: true }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={tr('users.displayName')} rules={[{ required: true }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="role" label={tr('users.role')} rules={[{ required: true }]}>
        <Select options={ROLES.map((r) => ({ value: r, label: t(locale, `common.roles.${r}`) }))} />
      </Form.Item>
      {role === 'applicant' && (
        <Form.Item name="enterpriseId" label={tr('users.enterprise')} rules={[{ required: true }]}>
          <EnterpriseSelect />
        </Form.Item>
      )}
      <Form.Item
        name="password"
        label={tr('users.password')}
        extra={
          <>
            <div>{tr('register.passwordHint')}</div>
            <div>{tr('users.passwordTemporary')}</div>
          </>
        }
        rules={[{ required: true }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {tr('users.create')}
      </Button>
    </Form>
  );
}
