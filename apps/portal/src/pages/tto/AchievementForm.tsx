import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { COOPERATION_MODES, LEGAL_STATUSES, type Achievement, type AchievementInput } from '../../api/types';
import { compact, showServerErrors } from '../../components/forms';
import { MoneyInput, rangeReversed } from '../../components/MoneyInput';
import { ResearcherPicker } from '../../components/ResearcherPicker';
import { TaxonomySelect } from '../../components/taxonomy';

interface Values extends Omit<AchievementInput, 'priceMin' | 'priceMax'> {
  priceMin?: string | null;
  priceMax?: string | null;
}

function toInput({ priceMin, priceMax, researcherIds, ...rest }: Values): AchievementInput {
  return {
    ...(compact({
      ...rest,
      priceMin: priceMin ?? undefined,
      priceMax: priceMax ?? undefined,
    }) as AchievementInput),
    // An emptied team is sent as [] so the edit clears it.
    researcherIds: researcherIds ?? [],
  };
}

/** One achievement, listed by hand; saved as a draft, optionally submitted for moderation. */
export default function AchievementForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const existing = useQuery({
    queryKey: ['achievement', id],
    queryFn: () => api<Achievement>(`/achievements/${id}`),
    enabled: !!id,
  });
  useEffect(() => {
    const a = existing.data;
    if (a) {
      form.setFieldsValue({
        ...a,
        externalRef: a.externalRef ?? undefined,
        ipType: a.ipType ?? undefined,
        trl: a.trl ?? undefined,
        maturityStage: a.maturityStage ?? undefined,
        priceMin: a.priceMin ?? null,
        priceMax: a.priceMax ?? null,
        researcherIds: a.researchers.map((r) => r.id),
      });
    }
  }, [existing.data, form]);

  const save = async (values: Values, submit: boolean): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const body = toInput(values);
      const saved = id
        ? await api<Achievement>(`/achievements/${id}`, { method: 'PATCH', body })
        : await api<Achievement>('/achievements', { method: 'POST', body });
      if (submit) await api(`/achievements/${saved.id}/submit`, { method: 'POST' });
      void message.success(t('achievement.created'));
      await navigate('/achievements');
    } catch (e) {
      setError(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('achievement.formTitle')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 760 }}
        initialValues={{ legalStatus: 'granted', transferModes: [], separateLedger: false }}
        onFinish={(v) => void save(v, false)}
      >
        <Form.Item name="title" label={t('achievement.title')} rules={[{ required: true }, { min: 2, max: 200 }]}>
          <Input maxLength={200} showCount />
        </Form.Item>
        <Form.Item name="externalRef" label={t('achievement.externalRef')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="summary" label={t('achievement.summary')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="applicationScenarios" label={t('achievement.applicationScenarios')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="advantages" label={t('achievement.advantages')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="keywords" label={t('achievement.keywords')} rules={[{ type: 'array', max: 20 }]}>
          <Select mode="tags" tokenSeparators={[',', '，', ';', '；']} open={false} />
        </Form.Item>
        <Form.Item name="fieldCodes" label={t('achievement.fields')}>
          <TaxonomySelect kind="field" mode="multiple" />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="ipType" label={t('achievement.ipType')}>
            <TaxonomySelect kind="ip_type" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="legalStatus" label={t('achievement.legalStatus')}>
            <Select
              style={{ width: 160 }}
              options={LEGAL_STATUSES.map((s) => ({ value: s, label: t(`legal.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="trl" label={t('achievement.trl')} tooltip={t('help.trl')}>
            <InputNumber min={1} max={9} precision={0} />
          </Form.Item>
          <Form.Item name="maturityStage" label={t('achievement.maturityStage')}>
            <TaxonomySelect kind="maturity_stage" style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item name="patentNumbers" label={t('achievement.patentNumbers')}>
          <Select mode="tags" tokenSeparators={[',', '，', ';', '；']} open={false} />
        </Form.Item>
        <Form.Item name="transferModes" label={t('achievement.transferModes')} tooltip={t('help.ufpl')}>
          <Select mode="multiple" options={COOPERATION_MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }))} />
        </Form.Item>
        <Space>
          <Form.Item name="priceMin" label={t('achievement.priceMin')}>
            <MoneyInput />
          </Form.Item>
          <Form.Item
            name="priceMax"
            label={t('achievement.priceMax')}
            dependencies={['priceMin']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, value: string | null | undefined) => {
                  const min = getFieldValue('priceMin') as string | null | undefined;
                  if (rangeReversed(min, value)) throw new Error(t('need.budgetOrder'));
                },
              }),
            ]}
          >
            <MoneyInput />
          </Form.Item>
        </Space>
        <Form.Item name="researcherIds" label={t('detail.teamField')} extra={t('detail.teamHelp')}>
          <ResearcherPicker known={existing.data?.researchers} />
        </Form.Item>
        <Form.Item name="institutionName" label={t('achievement.institution')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="separateLedger" label={t('achievement.separateLedger')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Space>
          <Button htmlType="submit" loading={busy}>
            {t('common.saveDraft')}
          </Button>
          <Button
            type="primary"
            loading={busy}
            onClick={() =>
              void form.validateFields().then(
                (v) => save(v, true),
                () => undefined,
              )
            }
          >
            {t('achievement.submitDraft')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
