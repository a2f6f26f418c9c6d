import { PhoneOutlined } from '@ant-design/icons';
import { guardianRelationLabels, parentRelationLabels, parentStatusLabels } from '@shouwang/shared/enums/children';
import type { ChildView } from '@shouwang/shared/schemas/children';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { childPlacement } from '../child-placement';
import { useCodeLabels } from '../hooks/useCodeLabels';
import { ContactCardPdfButton } from './ContactCardPdfButton';

function Phone({ phone }: { phone: string | null | undefined }) {
  const { t } = useTranslation();
  if (!phone) return <Typography.Text type="secondary">{t('children.contactCard.noPhone')}</Typography.Text>;
  return (
    <a href={`tel:${phone}`} style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
      <PhoneOutlined /> {phone}
    </a>
  );
}

function Row({ who, role, phones }: { who: string; role: string; phones: (string | null)[] }) {
  return (
    <Flex justify="space-between" align="flex-start" gap={8} wrap style={{ padding: '8px 0' }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Text strong>{who}</Typography.Text>
        <Typography.Text type="secondary"> · {role}</Typography.Text>
      </div>
      <Flex vertical align="flex-end" gap={2}>
        {(phones.length ? phones : [null]).map((p, i) => (
          <Phone key={p ?? i} phone={p} />
        ))}
      </Flex>
    </Flex>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ borderTop: '1px solid rgba(5,5,5,0.06)', paddingTop: 8, marginTop: 8 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {title}
      </Typography.Text>
      {children}
    </div>
  );
}

/** 联系卡: who to call about this child, on one card, and the printable PDF of it. */
export function ContactCardTab({ child }: { child: ChildView }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const none = <Typography.Text type="secondary">{t('children.contactCard.none')}</Typography.Text>;
  return (
    <Card style={{ maxWidth: 560 }} data-testid="contact-card">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('children.contactCard.hint')}
      </Typography.Paragraph>
      {!child.deletedAt && (
        <div style={{ marginBottom: 16 }}>
          <ContactCardPdfButton
            url={`/api/children/${child.id}/contact-card.pdf`}
            label={t('children.contactCard.print')}
            testId="contact-card-pdf"
          />
        </div>
      )}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {child.name}
      </Typography.Title>
      <Typography.Text type="secondary">
        {[childPlacement(child), child.currentAddress].filter(Boolean).join(' · ')}
      </Typography.Text>
      <Section title={t('children.contactCard.guardians')}>
        {child.guardians.length === 0
          ? none
          : child.guardians.map((g) => (
              <Row
                key={g.id}
                who={g.name}
                role={`${label(guardianRelationLabels, g.relation)}${g.isPrimary ? ` · ${t('children.guardians.primary')}` : ''}`}
                phones={[g.phone]}
              />
            ))}
      </Section>
      <Section title={t('children.contactCard.parents')}>
        {child.parents.length === 0
          ? none
          : child.parents.map((p) => (
              <Row
                key={p.id}
                who={p.name}
                role={[
                  label(parentRelationLabels, p.relation),
                  label(parentStatusLabels, p.status),
                  [p.workProvince, p.workCity].filter(Boolean).join(''),
                  p.unreachable ? t('children.flags.parentUnreachable') : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
                phones={p.phones}
              />
            ))}
      </Section>
      <Section title={t('children.contactCard.village')}>
        {child.villageContactName || child.villageContactPhone ? (
          <Row
            who={child.villageContactName ?? ''}
            role={child.village?.name ?? t('children.contactCard.village')}
            phones={[child.villageContactPhone]}
          />
        ) : (
          none
        )}
      </Section>
    </Card>
  );
}
