import { Form, Input, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { COOPERATION_MODES } from '../api/types';
import { MoneyInput } from './MoneyInput';
import { TaxonomySelect } from './taxonomy';

/**
 * The main fields of a need, held under `need` in the form (as the API names them: `need.title`),
 * for a need drafted by a commissioner and edited by the company in one page.
 */
export function NeedFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name={['need', 'title']} label={t('need.title')} rules={[{ required: true }, { min: 2, max: 200 }]}>
        <Input placeholder={t('need.titlePlaceholder')} maxLength={200} />
      </Form.Item>
      <Form.Item name={['need', 'summary']} label={t('need.summary')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name={['need', 'description']} label={t('need.description')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name={['need', 'problem']} label={t('need.problem')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name={['need', 'indicators']} label={t('need.indicators')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name={['need', 'keywords']} label={t('need.keywords')} rules={[{ type: 'array', max: 20 }]}>
        <Select mode="tags" tokenSeparators={[',', '，', ';', '；']} open={false} />
      </Form.Item>
      <Form.Item name={['need', 'fieldCodes']} label={t('need.fields')} rules={[{ type: 'array', max: 10 }]}>
        <TaxonomySelect kind="field" mode="multiple" />
      </Form.Item>
      <Form.Item label={t('need.budget')}>
        <Space wrap>
          <Form.Item name={['need', 'budgetMin']} noStyle>
            <MoneyInput placeholder={t('need.budgetMin')} />
          </Form.Item>
          <span>–</span>
          <Form.Item name={['need', 'budgetMax']} noStyle>
            <MoneyInput placeholder={t('need.budgetMax')} />
          </Form.Item>
        </Space>
      </Form.Item>
      <Form.Item name={['need', 'cooperationModes']} label={t('need.modes')}>
        <Select mode="multiple" options={COOPERATION_MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }))} />
      </Form.Item>
      <Form.Item name={['need', 'confidentiality']} label={t('need.confidentiality')}>
        <Radio.Group
          options={[
            { value: 'public', label: t('confidentiality.public') },
            { value: 'summary_only', label: t('confidentiality.summary_only') },
          ]}
        />
      </Form.Item>
    </>
  );
}
