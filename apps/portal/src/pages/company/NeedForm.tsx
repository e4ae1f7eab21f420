import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Steps,
  type FormInstance,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { COOPERATION_MODES, type Need, type NeedInput } from '../../api/types';
import { compact, showServerErrors } from '../../components/forms';
import { MoneyInput, rangeReversed } from '../../components/MoneyInput';
import { TaxonomySelect } from '../../components/taxonomy';
import { formatMoneyRange } from '../../format';

interface NeedValues extends Omit<NeedInput, 'deadline' | 'budgetMin' | 'budgetMax'> {
  deadline?: Dayjs | null;
  budgetMin?: string | null;
  budgetMax?: string | null;
}

/** Which fields each step of the guided form holds (validated before moving on). */
const STEPS: (keyof NeedValues)[][] = [
  ['title', 'summary', 'description', 'keywords', 'fieldCodes'],
  ['problem', 'indicators', 'existingConditions', 'desiredStage', 'minTrl'],
  ['budgetMin', 'budgetMax', 'cooperationModes', 'regionCode', 'deadline', 'confidentiality'],
];

function toInput(values: NeedValues): NeedInput {
  const { deadline, budgetMin, budgetMax, ...rest } = values;
  return compact({
    ...rest,
    deadline: deadline ? deadline.format('YYYY-MM-DD') : undefined,
    budgetMin: budgetMin ?? undefined,
    budgetMax: budgetMax ?? undefined,
  }) as NeedInput;
}

function toValues(need: Need): NeedValues {
  return {
    title: need.title,
    summary: need.summary,
    description: need.details?.description,
    problem: need.details?.problem,
    indicators: need.details?.indicators,
    existingConditions: need.details?.existingConditions,
    keywords: need.keywords,
    fieldCodes: need.fieldCodes,
    desiredStage: need.desiredStage ?? undefined,
    minTrl: need.minTrl ?? undefined,
    budgetMin: need.details?.budgetMin ?? null,
    budgetMax: need.details?.budgetMax ?? null,
    cooperationModes: need.cooperationModes,
    regionCode: need.regionCode ?? undefined,
    deadline: need.deadline ? dayjs(need.deadline) : null,
    confidentiality: need.confidentiality,
  };
}

/** The budget typed in 元, read back as people say it (50 万元 – 200 万元), as the lists show it. */
function BudgetEcho({ form }: { form: FormInstance<NeedValues> }) {
  const { t } = useTranslation();
  const min = Form.useWatch('budgetMin', form);
  const max = Form.useWatch('budgetMax', form);
  if (!min && !max) return t('help.budgetUnits');
  return t('help.budgetEcho', { range: formatMoneyRange(min, max, t('money.negotiable')) });
}

/**
 * The guided form for a technology need, in three steps. Saving keeps a draft; submitting
 * saves and sends it to moderation. When the server refuses, the form keeps every value and
 * marks the field it names.
 */
export default function NeedForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<NeedValues>();
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const existing = useQuery({ queryKey: ['need', id], queryFn: () => api<Need>(`/needs/${id}`), enabled: !!id });

  useEffect(() => {
    if (existing.data) form.setFieldsValue(toValues(existing.data));
  }, [existing.data, form]);

  const next = async (): Promise<void> => {
    await form.validateFields(STEPS[step] as string[]);
    setStep(step + 1);
  };

  const save = async (submit: boolean): Promise<void> => {
    setError(null);
    try {
      await form.validateFields();
    } catch {
      // The first step with an error is shown; antd marks the fields.
      const bad = form.getFieldsError().find((f) => f.errors.length > 0);
      const at = STEPS.findIndex((fields) => fields.includes(bad?.name[0] as keyof NeedValues));
      if (at >= 0) setStep(at);
      return;
    }
    setBusy(true);
    try {
      const body = toInput(form.getFieldsValue(true) as NeedValues);
      const saved = id
        ? await api<Need>(`/needs/${id}`, { method: 'PATCH', body })
        : await api<Need>('/needs', { method: 'POST', body });
      if (submit) await api<Need>(`/needs/${saved.id}/submit`, { method: 'POST' });
      void message.success(submit ? t('need.submitted') : t('need.draftSaved'));
      await navigate('/needs');
    } catch (e) {
      const text = showServerErrors(form, e);
      setError(t('need.serverRefused', { message: text }));
      const bad = form.getFieldsError().find((f) => f.errors.length > 0);
      const at = STEPS.findIndex((fields) => fields.includes(bad?.name[0] as keyof NeedValues));
      if (at >= 0) setStep(at);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={id ? t('need.editTitle') : t('need.formTitle')}>
      <Steps
        current={step}
        onChange={(s) => setStep(s)}
        items={[{ title: t('need.stepBasics') }, { title: t('need.stepTech') }, { title: t('need.stepCooperation') }]}
        style={{ marginBottom: 24 }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ confidentiality: 'public', cooperationModes: [] }}
        style={{ maxWidth: 760 }}
      >
        <div hidden={step !== 0}>
          <Form.Item name="title" label={t('need.title')} rules={[{ required: true }, { min: 2, max: 200 }]}>
            <Input placeholder={t('need.titlePlaceholder')} maxLength={200} showCount />
          </Form.Item>
          <Form.Item name="summary" label={t('need.summary')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="description" label={t('need.description')}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item
            name="keywords"
            label={t('need.keywords')}
            extra={t('need.keywordsHint')}
            rules={[{ type: 'array', max: 20 }]}
          >
            <Select mode="tags" tokenSeparators={[',', '，', ';', '；']} open={false} />
          </Form.Item>
          <Form.Item name="fieldCodes" label={t('need.fields')} rules={[{ type: 'array', max: 10 }]}>
            <TaxonomySelect kind="field" mode="multiple" />
          </Form.Item>
        </div>
        <div hidden={step !== 1}>
          <Form.Item name="problem" label={t('need.problem')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="indicators" label={t('need.indicators')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="existingConditions" label={t('need.existingConditions')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="desiredStage" label={t('need.desiredStage')}>
            <TaxonomySelect kind="maturity_stage" />
          </Form.Item>
          <Form.Item name="minTrl" label={t('need.minTrl')} tooltip={t('help.trl')}>
            <InputNumber min={1} max={9} precision={0} />
          </Form.Item>
        </div>
        <div hidden={step !== 2}>
          <Form.Item label={t('need.budget')} required={false} extra={<BudgetEcho form={form} />}>
            <Space>
              <Form.Item name="budgetMin" noStyle>
                <MoneyInput placeholder={t('need.budgetMin')} />
              </Form.Item>
              <span>–</span>
              <Form.Item
                name="budgetMax"
                noStyle
                dependencies={['budgetMin']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_, value: string | null | undefined) => {
                      const min = getFieldValue('budgetMin') as string | null | undefined;
                      if (rangeReversed(min, value)) throw new Error(t('need.budgetOrder'));
                    },
                  }),
                ]}
              >
                <MoneyInput placeholder={t('need.budgetMax')} />
              </Form.Item>
            </Space>
          </Form.Item>
          <Form.Item name="cooperationModes" label={t('need.modes')} tooltip={t('help.ufpl')}>
            <Select mode="multiple" options={COOPERATION_MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }))} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('need.region')}>
            <TaxonomySelect kind="region" />
          </Form.Item>
          <Form.Item name="deadline" label={t('need.deadline')}>
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="confidentiality" label={t('need.confidentiality')}>
            <Radio.Group
              options={[
                { value: 'public', label: t('confidentiality.public') },
                { value: 'summary_only', label: t('confidentiality.summary_only') },
              ]}
            />
          </Form.Item>
        </div>
        <Space>
          {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('need.previous')}</Button>}
          {step < STEPS.length - 1 && (
            <Button type="primary" onClick={() => void next().catch(() => undefined)}>
              {t('need.next')}
            </Button>
          )}
          <Button onClick={() => void save(false)} loading={busy}>
            {t('common.saveDraft')}
          </Button>
          {step === STEPS.length - 1 && (
            <Button type="primary" onClick={() => void save(true)} loading={busy}>
              {t('need.saveAndSubmit')}
            </Button>
          )}
        </Space>
      </Form>
    </Card>
  );
}
