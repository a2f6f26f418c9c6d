import { DownloadOutlined } from '@ant-design/icons';
import { consentBasisLabels, consentCategories, consentCategoryLabels } from '@shouwang/shared/enums/privacy';
import type { ConsentView } from '@shouwang/shared/schemas/privacy';
import { App, Button, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../api/download';
import { QueryError } from '../../../components/QueryError';
import { useConsents } from '../api';
import { ConsentDrawer, type ConsentDrawerTarget } from './ConsentDrawer';
import { CorrectionsCard } from './CorrectionsCard';

function ExportCard({ childId }: { childId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const get = (ext: 'json' | 'pdf') => {
    setBusy(ext);
    downloadFile(`/api/children/${childId}/privacy-export.${ext}`, i18n.language)
      .catch((e: Error) => message.error(e.message))
      .finally(() => setBusy(null));
  };
  return (
    <Card size="small" title={t('privacy.export.title')} style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('privacy.export.hint')}
      </Typography.Paragraph>
      <Flex gap={8} wrap>
        <Button
          icon={<DownloadOutlined />}
          loading={busy === 'pdf'}
          onClick={() => get('pdf')}
          data-testid="export-pdf"
        >
          {t('privacy.export.pdf')}
        </Button>
        <Button icon={<DownloadOutlined />} loading={busy === 'json'} onClick={() => get('json')}>
          {t('privacy.export.json')}
        </Button>
      </Flex>
    </Card>
  );
}

/** 隐私与同意: per data category, the consent or legal basis in force, its history, and the export. */
export function ChildPrivacyTab({ childId }: { childId: string }) {
  const { t, i18n } = useTranslation();
  const consents = useConsents(childId);
  const [target, setTarget] = useState<ConsentDrawerTarget | null>(null);
  const zh = i18n.language !== 'en';
  const labelOf = (l: { zh: string; en: string }) => (zh ? l.zh : l.en);
  if (consents.isPending) return <Skeleton active />;
  if (consents.isError) return <QueryError error={consents.error} onRetry={() => void consents.refetch()} />;
  const { items, canManage } = consents.data;
  const describe = (c: ConsentView) =>
    [c.consenterName && `${c.consenterName}${c.consenterRelation ? `（${c.consenterRelation}）` : ''}`, c.consentedOn]
      .filter(Boolean)
      .join(' · ');
  return (
    <div style={{ maxWidth: 720 }} data-testid="privacy-tab">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('privacy.intro')}
      </Typography.Paragraph>
      {canManage && <ExportCard childId={childId} />}
      {canManage && <CorrectionsCard childId={childId} />}
      <Flex vertical gap={8}>
        {consentCategories.map((category) => {
          const rows = items.filter((c) => c.category === category);
          const active = rows.filter((c) => !c.withdrawnAt);
          const past = rows.filter((c) => c.withdrawnAt);
          return (
            <Card key={category} size="small" data-testid={`consent-${category}`}>
              <Flex justify="space-between" align="flex-start" gap={8} wrap>
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Typography.Text strong>{labelOf(consentCategoryLabels[category])}</Typography.Text>
                  {active.length === 0 && (
                    <div>
                      <Tag color="default">{t('privacy.none')}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('privacy.noneHint')}
                      </Typography.Text>
                      {(category === 'photos' || category === 'sharing_with_village') && (
                        // What is refused until the consent is recorded (modules/privacy/consent-gate.ts).
                        <Typography.Text
                          type="warning"
                          style={{ display: 'block', fontSize: 12 }}
                          data-testid={`consent-blocks-${category}`}
                        >
                          {t(`privacy.blocks.${category}`)}
                        </Typography.Text>
                      )}
                    </div>
                  )}
                  {active.map((c) => (
                    <Flex key={c.id} align="center" gap={6} wrap style={{ marginTop: 4 }}>
                      <Tag color="green">{labelOf(consentBasisLabels[c.basis])}</Tag>
                      <Typography.Text style={{ fontSize: 13 }}>{describe(c)}</Typography.Text>
                      {c.scopeNote && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {c.scopeNote}
                        </Typography.Text>
                      )}
                      {canManage && (
                        <Button size="small" danger onClick={() => setTarget({ mode: 'withdraw', consent: c })}>
                          {t('privacy.withdraw')}
                        </Button>
                      )}
                    </Flex>
                  ))}
                  {past.map((c) => (
                    <Typography.Text
                      key={c.id}
                      type="secondary"
                      delete={false}
                      style={{ display: 'block', fontSize: 12 }}
                    >
                      <Tag>{t('privacy.withdrawn')}</Tag>
                      {labelOf(consentBasisLabels[c.basis])} · {describe(c)} ·{' '}
                      {t('privacy.withdrawnOn', { date: c.withdrawnAt?.slice(0, 10), reason: c.withdrawalReason })}
                    </Typography.Text>
                  ))}
                </div>
                {canManage && (
                  <Button onClick={() => setTarget({ mode: 'record', category })} data-testid={`record-${category}`}>
                    {t('privacy.record')}
                  </Button>
                )}
              </Flex>
            </Card>
          );
        })}
      </Flex>
      {target && <ConsentDrawer childId={childId} target={target} onClose={() => setTarget(null)} />}
    </div>
  );
}
