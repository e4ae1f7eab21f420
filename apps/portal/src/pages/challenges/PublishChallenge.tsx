import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { CHALLENGE_FORMS, type Challenge, type ChallengeForm, type Criterion } from '../../api/challenges';
import type { Need } from '../../api/types';
import { DateInput } from '../../components/DateInput';
import { MoneyInput } from '../../components/MoneyInput';
import { QueryState } from '../../components/QueryState';
import { showServerErrors } from '../../components/forms';

interface Values {
  rewardMin: string;
  rewardMax: string;
  /** The last day proposals are taken (until 23:59:59 China time). */
  deadline: string;
  forms: ChallengeForm[];
  criteria: Criterion[];
  milestones: { title: string; deliverable: string }[];
  description?: string;
}

/** A company publishes one of its published needs as an open challenge. */
export default function PublishChallenge() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const need = useQuery({ queryKey: ['need', id], queryFn: () => api<Need>(`/needs/${id}`) });
  const publish = useMutation({
    mutationFn: (values: Values) =>
      api<Challenge>('/challenges', {
        method: 'POST',
        body: {
          ...values,
          needId: id,
          deadline: values.deadline ? `${values.deadline}T23:59:59+08:00` : undefined,
          description: values.description || undefined,
        },
      }),
    onSuccess: (challenge) => {
      void message.success(t('challenges.published'));
      void navigate(`/challenges/${challenge.id}`);
    },
    onError: (error) => setProblem(showServerErrors(form, error)),
  });
  return (
    <QueryState query={need}>
      {(n) => (
        <Card title={t('challenges.publishTitle')}>
          <Typography.Title level={5}>{n.title}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('challenges.publishHint')}</Typography.Paragraph>
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} role="alert" />}
          <Form<Values>
            form={form}
            layout="vertical"
            name="challenge"
            initialValues={{
              rewardMin: n.details?.budgetMin ?? undefined,
              rewardMax: n.details?.budgetMax ?? undefined,
              forms: (['licence', 'transfer', 'joint_development'] as const).filter((f) =>
                n.cooperationModes.includes(f),
              ),
              criteria: [
                { name: '', weight: 60 },
                { name: '', weight: 40 },
              ],
              milestones: [{ title: '', deliverable: '' }],
            }}
            onFinish={(values) => publish.mutate(values)}
          >
            <Space wrap>
              <Form.Item name="rewardMin" label={t('challenges.rewardMin')} rules={[{ required: true }]}>
                <MoneyInput />
              </Form.Item>
              <Form.Item name="rewardMax" label={t('challenges.rewardMax')} rules={[{ required: true }]}>
                <MoneyInput />
              </Form.Item>
            </Space>
            <Form.Item name="deadline" label={t('challenges.deadline')} rules={[{ required: true }]}>
              <DateInput />
            </Form.Item>
            <Form.Item name="forms" label={t('challenges.formsLabel')} rules={[{ required: true }]}>
              <Checkbox.Group options={CHALLENGE_FORMS.map((f) => ({ value: f, label: t(`challenges.forms.${f}`) }))} />
            </Form.Item>
            <Form.Item name="description" label={t('challenges.description')}>
              <Input.TextArea rows={3} placeholder={n.summary} maxLength={10000} />
            </Form.Item>
            <Typography.Text strong>{t('challenges.criteria')}</Typography.Text>
            <Form.List name="criteria">
              {(fields, { add, remove }, { errors }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} wrap align="start">
                      <Form.Item name={[field.name, 'name']} rules={[{ required: true }]}>
                        <Input
                          aria-label={t('challenges.criterionName')}
                          placeholder={t('challenges.criterionName')}
                          style={{ width: 200 }}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'weight']} rules={[{ required: true }]}>
                        <InputNumber aria-label={t('challenges.weight')} min={1} max={100} suffix="%" />
                      </Form.Item>
                      {fields.length > 1 && <Button onClick={() => remove(field.name)}>−</Button>}
                    </Space>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Button onClick={() => add({ name: '', weight: 10 })} style={{ marginBottom: 16 }}>
                    {t('challenges.addCriterion')}
                  </Button>
                </>
              )}
            </Form.List>
            <div>
              <Typography.Text strong>{t('challenges.milestones')}</Typography.Text>
            </div>
            <Form.List name="milestones">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} wrap align="start">
                      <Form.Item name={[field.name, 'title']} rules={[{ required: true }]}>
                        <Input
                          aria-label={t('challenges.milestoneTitle')}
                          placeholder={t('challenges.milestoneTitle')}
                          style={{ width: 200 }}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'deliverable']} rules={[{ required: true }]}>
                        <Input
                          aria-label={t('challenges.deliverable')}
                          placeholder={t('challenges.deliverable')}
                          style={{ width: 260 }}
                        />
                      </Form.Item>
                      {fields.length > 1 && <Button onClick={() => remove(field.name)}>−</Button>}
                    </Space>
                  ))}
                  <Button onClick={() => add({ title: '', deliverable: '' })} style={{ marginBottom: 16 }}>
                    {t('challenges.addMilestone')}
                  </Button>
                </>
              )}
            </Form.List>
            <div>
              <Button type="primary" htmlType="submit" loading={publish.isPending}>
                {t('challenges.publish')}
              </Button>
            </div>
          </Form>
        </Card>
      )}
    </QueryState>
  );
}
