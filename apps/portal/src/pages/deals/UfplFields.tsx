import { Col, Form, InputNumber, Row, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { PAYMENT_MODES, TRIGGER_KINDS, type PaymentMode, type TermSheetInput, type TriggerKind } from '../../api/deals';
import { DateInput } from '../../components/DateInput';
import { MoneyInput } from '../../components/MoneyInput';

/**
 * The use-first-pay-later terms of an offer: the free-use period, what triggers payment and
 * how payment is made. Only the fields the chosen trigger and mode use are shown (and sent).
 */
export function UfplFields({ form }: { form: FormInstance<TermSheetInput> }) {
  const { t } = useTranslation();
  const trigger = Form.useWatch(['ufpl', 'triggerKind'], form) as TriggerKind | undefined;
  const mode = Form.useWatch(['ufpl', 'paymentMode'], form) as PaymentMode | undefined;
  const required = [{ required: true, message: t('common.required') }];
  const field = (name: string) => ['ufpl', name];
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name={field('freeUntil')} label={t('deals.ufpl.freeUntil')} rules={required}>
          <DateInput style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={field('triggerKind')} label={t('deals.ufpl.triggerKind')} rules={required}>
          <Select options={TRIGGER_KINDS.map((value) => ({ value, label: t(`deals.ufpl.triggers.${value}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        {trigger === 'date' && (
          <Form.Item name={field('triggerDate')} label={t('deals.ufpl.triggerDate')} rules={required} preserve={false}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        )}
        {trigger === 'revenue_threshold' && (
          <Form.Item
            name={field('triggerThreshold')}
            label={t('deals.ufpl.triggerThreshold')}
            rules={required}
            preserve={false}
          >
            <MoneyInput style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={field('paymentMode')} label={t('deals.ufpl.paymentMode')} rules={required}>
          <Select options={PAYMENT_MODES.map((value) => ({ value, label: t(`deals.ufpl.modes.${value}`) }))} />
        </Form.Item>
      </Col>
      {(mode === 'lump_sum' || mode === 'instalments') && (
        <Col xs={24} md={8}>
          <Form.Item name={field('fee')} label={t('deals.ufpl.fee')} rules={required} preserve={false}>
            <MoneyInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      )}
      {mode === 'instalments' && (
        <>
          <Col xs={12} md={4}>
            <Form.Item
              name={field('instalmentCount')}
              label={t('deals.ufpl.instalmentCount')}
              rules={required}
              preserve={false}
            >
              <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item
              name={field('intervalMonths')}
              label={t('deals.ufpl.intervalMonths')}
              rules={required}
              preserve={false}
            >
              <InputNumber min={1} max={24} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </>
      )}
      {mode === 'entry_fee_royalty' && (
        <Col xs={24} md={8}>
          <Form.Item name={field('entryFee')} label={t('deals.ufpl.entryFee')} rules={required} preserve={false}>
            <MoneyInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      )}
      {(mode === 'royalty' || mode === 'entry_fee_royalty') && (
        <>
          <Col xs={12} md={4}>
            <Form.Item
              name={field('royaltyPercent')}
              label={t('deals.ufpl.royaltyPercent')}
              rules={required}
              preserve={false}
            >
              <InputNumber<string> stringMode min="0" max="100" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={field('royaltyCap')} label={t('deals.ufpl.royaltyCap')} preserve={false}>
              <MoneyInput style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </>
      )}
      <Col xs={12} md={4}>
        <Form.Item name={field('dueDays')} label={t('deals.ufpl.dueDays')} rules={required}>
          <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name={field('graceDays')} label={t('deals.ufpl.graceDays')} rules={required}>
          <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
