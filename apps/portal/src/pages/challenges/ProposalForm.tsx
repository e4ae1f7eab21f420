import { useState } from 'react';
import { Alert, App, Button, Form, Input, Select, Space } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Challenge, Proposal, ProposalInput } from '../../api/challenges';
import type { Achievement, Page } from '../../api/types';
import { DateInput } from '../../components/DateInput';
import { MoneyInput } from '../../components/MoneyInput';
import { ResearcherPicker } from '../../components/ResearcherPicker';
import { TaxonomySelect } from '../../components/taxonomy';
import { showServerErrors } from '../../components/forms';

/** Picks one of the TTO's own achievements, searched by title on the server. */
function AchievementPicker({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const found = useQuery({
    queryKey: ['achievements', 'own', text],
    queryFn: () => api<Page<Achievement>>('/achievements', { query: { q: text || undefined, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={onChange}
      placeholder={t('challenges.pickAchievement')}
      loading={found.isPending}
      options={(found.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }))}
    />
  );
}

/**
 * A proposal's content, sent whole: a new proposal (with its achievement) or a revision of
 * `proposal`, which the server keeps as a new version.
 */
export function ProposalForm({
  challenge,
  proposal,
  onDone,
}: {
  challenge: Challenge;
  proposal?: Proposal;
  onDone: (saved: Proposal) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<ProposalInput>();
  const [problem, setProblem] = useState<string | null>(null);
  const latest = proposal?.versions[0];
  const save = useMutation({
    mutationFn: (values: ProposalInput) =>
      proposal
        ? api<Proposal>(`/proposals/${proposal.id}`, { method: 'PUT', body: { ...values, achievementId: undefined } })
        : api<Proposal>(`/challenges/${challenge.id}/proposals`, { method: 'POST', body: values }),
    onSuccess: (saved) => {
      setProblem(null);
      void message.success(t(proposal ? 'challenges.revised' : 'challenges.submitted'));
      void client.invalidateQueries({ queryKey: ['challenge', challenge.id] });
      onDone(saved);
    },
    onError: (error) => setProblem(showServerErrors(form, error)),
  });
  return (
    <Form<ProposalInput>
      form={form}
      layout="vertical"
      name="proposal"
      initialValues={
        latest
          ? {
              researcherIds: latest.researchers.map((r) => r.id),
              approach: latest.approach,
              milestones: latest.milestones,
              price: latest.price,
              form: latest.form,
              maturity: latest.maturity,
            }
          : { form: challenge.forms[0], milestones: [{ title: '', dueOn: '', amount: '' }] }
      }
      onFinish={(values) => save.mutate(values)}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {!proposal && (
        <Form.Item name="achievementId" label={t('challenges.achievement')} rules={[{ required: true }]}>
          <AchievementPicker />
        </Form.Item>
      )}
      <Form.Item name="researcherIds" label={t('challenges.team')} rules={[{ required: true }]}>
        <ResearcherPicker known={latest?.researchers.map((r) => ({ ...r, title: '' }))} />
      </Form.Item>
      <Form.Item name="approach" label={t('challenges.approach')} rules={[{ required: true, min: 10 }]}>
        <Input.TextArea rows={4} maxLength={20000} />
      </Form.Item>
      <Form.List name="milestones">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} wrap align="start" className="proposal-milestone">
                <Form.Item
                  name={[field.name, 'title']}
                  label={index === 0 ? t('challenges.milestoneTitle') : undefined}
                  rules={[{ required: true }]}
                >
                  <Input aria-label={t('challenges.milestoneTitle')} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'dueOn']}
                  label={index === 0 ? t('challenges.dueOn') : undefined}
                  rules={[{ required: true }]}
                >
                  <DateInput aria-label={t('challenges.dueOn')} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'amount']}
                  label={index === 0 ? t('challenges.amount') : undefined}
                  rules={[{ required: true }]}
                >
                  <MoneyInput aria-label={t('challenges.amount')} />
                </Form.Item>
                {fields.length > 1 && <Button onClick={() => remove(field.name)}>−</Button>}
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            <Button onClick={() => add({ title: '', dueOn: '', amount: '' })} style={{ marginBottom: 16 }}>
              {t('challenges.addMilestone')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="price" label={t('challenges.price')} rules={[{ required: true }]}>
        <MoneyInput />
      </Form.Item>
      <Form.Item name="form" label={t('challenges.form')} rules={[{ required: true }]}>
        <Select options={challenge.forms.map((f) => ({ value: f, label: t(`challenges.forms.${f}`) }))} />
      </Form.Item>
      <Form.Item name="maturity" label={t('challenges.maturity')} rules={[{ required: true }]}>
        <TaxonomySelect kind="maturity_stage" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {proposal ? t('challenges.revise') : t('challenges.propose')}
      </Button>
    </Form>
  );
}
