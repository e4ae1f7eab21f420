import { useState } from 'react';
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
  Segmented,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, download } from '../../api/client';
import type { Approval, Register as RegisterView, RegisterDisposal, RegisterEntry } from '../../api/records';
import { useMe } from '../../auth/AuthContext';
import { DateInput, today } from '../../components/DateInput';
import { showServerErrors } from '../../components/forms';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatMoney, formatNumber, joinList } from '../../format';
import { thisYear } from './ManagerRanking';

interface ApprovalForm {
  approvedBy: string;
  approvedOn: string;
  documentRef: string;
}

/** Enters (or changes) the institution's approval of one disposal. */
function ApprovalModal({
  orgId,
  disposal,
  onClose,
}: {
  orgId: string;
  disposal: RegisterDisposal;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ApprovalForm>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (values: ApprovalForm) =>
      api<Approval>(`/records/institutions/${orgId}/disposals/${disposal.dealId}/approval`, {
        method: 'PUT',
        body: values,
      }),
    onSuccess: async () => {
      void message.success(t('records.register.approvalSaved'));
      await queryClient.invalidateQueries({ queryKey: ['register', orgId] });
      onClose();
    },
    onError: (e) => setError(showServerErrors(form, e)),
  });
  const initial: ApprovalForm = disposal.approval ?? { approvedBy: '', approvedOn: today(), documentRef: '' };
  return (
    <Modal
      open
      title={`${t('records.register.recordApproval')} · ${disposal.title}`}
      okText={t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form.Item name="approvedBy" label={t('records.register.approvedBy')} rules={[{ required: true, max: 100 }]}>
          <Input placeholder="校长办公会" data-testid="approved-by" />
        </Form.Item>
        <Form.Item name="approvedOn" label={t('records.register.approvedOn')} rules={[{ required: true }]}>
          <DateInput style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="documentRef" label={t('records.register.documentRef')} rules={[{ required: true, max: 100 }]}>
          <Input placeholder="〔2026〕12号" data-testid="document-ref" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One disposal: what, with whom, when, for what money and split, and the institution's approval. */
function DisposalBlock({
  disposal,
  canApprove,
  onApprove,
}: {
  disposal: RegisterDisposal;
  canApprove: boolean;
  onApprove: () => void;
}) {
  const { t } = useTranslation();
  const valuation = disposal.valuations.at(-1);
  const approval = disposal.approval;
  return (
    <div className="register-disposal" data-testid="register-disposal">
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color="blue">{t(`records.register.kinds.${disposal.kind}`)}</Tag>
        <Link to={`/deals/${disposal.dealId}`}>{disposal.title}</Link>
        {approval ? (
          <Tag color="green">{t('records.register.approval')}</Tag>
        ) : (
          <Tag color="orange">{t('records.register.notApproved')}</Tag>
        )}
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t('records.register.counterparty')}>{disposal.companyName}</Descriptions.Item>
        <Descriptions.Item label={t('records.register.signedOn')}>{formatDate(disposal.signedOn)}</Descriptions.Item>
        {valuation && (
          <Descriptions.Item label={t('records.register.valuation')}>
            {formatMoney(valuation.value)} ({valuation.method}, {valuation.appraiser})
          </Descriptions.Item>
        )}
        {disposal.equity && (
          <Descriptions.Item label={t('records.register.equity')}>
            {t('records.register.equityShare', {
              company: disposal.equity.companyName,
              percent: Number(disposal.equity.equityPercent),
            })}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('records.register.income')}>{formatMoney(disposal.income)}</Descriptions.Item>
        <Descriptions.Item label={t('records.register.costRecovery')}>
          {formatMoney(disposal.distribution.costRecovery)}
        </Descriptions.Item>
        <Descriptions.Item label={t('records.register.institution')}>
          {formatMoney(disposal.distribution.institution)}
        </Descriptions.Item>
        <Descriptions.Item label={t('records.register.researchers')}>
          {formatMoney(disposal.distribution.researchers)}
        </Descriptions.Item>
        {approval && (
          <Descriptions.Item label={t('records.register.approval')}>
            <span data-testid="approval">
              {approval.approvedBy} · {formatDate(approval.approvedOn)} · {approval.documentRef}
            </span>
            <Typography.Text type="secondary">
              {' '}
              ({t('records.register.recordedBy')} {approval.recordedBy})
            </Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      {canApprove && (
        <Button size="small" onClick={onApprove} data-testid="record-approval">
          {approval ? t('records.register.editApproval') : t('records.register.recordApproval')}
        </Button>
      )}
    </div>
  );
}

function InventionCard({
  entry,
  canApprove,
  onApprove,
}: {
  entry: RegisterEntry;
  canApprove: boolean;
  onApprove: (d: RegisterDisposal) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={entry.title} data-testid="register-invention" className="register-invention">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t('records.register.reference')}>{entry.externalRef ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('records.register.registeredOn')}>
          {formatDate(entry.registeredAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('records.register.patents')}>
          {entry.patentNumbers.length > 0 ? joinList(entry.patentNumbers) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('records.register.legalStatus')}>
          {t(`legal.${entry.legalStatus}`, { defaultValue: entry.legalStatus })}
        </Descriptions.Item>
      </Descriptions>
      {entry.disposals.length === 0 ? (
        <Typography.Text type="secondary">{t('records.register.noDisposal')}</Typography.Text>
      ) : (
        entry.disposals.map((d) => (
          <DisposalBlock key={d.dealId} disposal={d} canApprove={canApprove} onApprove={() => onApprove(d)} />
        ))
      )}
    </Card>
  );
}

/**
 * The register of service inventions (职务科技成果单列管理台账): the TTO's own at /invention-register, any
 * institution's for the operator at /admin/register/:orgId; a report year in the URL, and the
 * workbook for the annual report.
 */
export default function Register() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const params = useParams();
  const orgId = params.orgId ?? me.organisation.id;
  const [search, setSearch] = useSearchParams();
  const yearText = search.get('year');
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  const [approving, setApproving] = useState<RegisterDisposal | null>(null);
  const [disposedOnly, setDisposedOnly] = useState(false);
  const query = year === null ? '' : `?year=${year}`;
  const register = useQuery({
    queryKey: ['register', orgId, year],
    queryFn: () => api<RegisterView>(`/records/institutions/${orgId}/register${query}`),
    placeholderData: keepPreviousData,
  });
  const canApprove = me.user.role === 'tto';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('records.register.title')}</Typography.Title>
      <Typography.Text type="secondary">{t('records.register.hint')}</Typography.Text>
      <Space wrap>
        {t('records.register.year')}
        <Select<number | 'all'>
          value={year ?? 'all'}
          style={{ width: 130 }}
          data-testid="register-year"
          options={[
            { value: 'all', label: t('records.register.allYears') },
            ...Array.from({ length: 6 }, (_, i) => thisYear() - i).map((y) => ({ value: y, label: String(y) })),
          ]}
          onChange={(value) => setSearch(value === 'all' ? {} : { year: String(value) })}
        />
        <Button
          data-testid="register-export"
          onClick={() =>
            void download(
              `/records/institutions/${orgId}/register.xlsx${query}`,
              `register-${year ?? 'all'}.xlsx`,
            ).then(
              () => message.success(t('records.register.exported')),
              (e: Error) => message.error(e.message),
            )
          }
        >
          {t('records.register.export')}
        </Button>
        <Segmented<'all' | 'disposed'>
          data-testid="register-filter"
          value={disposedOnly ? 'disposed' : 'all'}
          options={[
            { value: 'all', label: t('records.register.showAll') },
            { value: 'disposed', label: t('records.register.showDisposed') },
          ]}
          onChange={(value) => setDisposedOnly(value === 'disposed')}
        />
      </Space>
      <QueryState query={register}>
        {(r) => (
          <>
            <Row gutter={[16, 16]}>
              {(
                [
                  ['inventions', formatNumber(r.inventions.length)],
                  ['disposals', formatNumber(r.totals.disposals)],
                  ['approved', formatNumber(r.totals.approved)],
                  ['income', formatMoney(r.totals.income)],
                  ['institution', formatMoney(r.totals.institution)],
                  ['researchers', formatMoney(r.totals.researchers)],
                ] as const
              ).map(([key, value]) => (
                <Col xs={12} md={8} xl={4} key={key}>
                  <Card size="small">
                    <Statistic title={t(`records.register.${key}`)} value={value} data-testid={`register-${key}`} />
                  </Card>
                </Col>
              ))}
            </Row>
            {r.inventions.length === 0 ? (
              <Empty description={t('records.register.none')} />
            ) : (
              r.inventions
                .filter((entry) => !disposedOnly || entry.disposals.length > 0)
                .map((entry) => (
                  <InventionCard key={entry.id} entry={entry} canApprove={canApprove} onApprove={setApproving} />
                ))
            )}
          </>
        )}
      </QueryState>
      {approving && <ApprovalModal orgId={orgId} disposal={approving} onClose={() => setApproving(null)} />}
    </Space>
  );
}
