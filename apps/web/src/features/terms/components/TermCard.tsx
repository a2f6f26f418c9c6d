import type { TermView } from '@shouwang/shared/schemas/terms';
import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { termLabel } from '../term-label';
import { TermSourceTag } from './TermSourceTag';

/** One term as a card: the phone layout of the terms list. */
export function TermCard({ term, current, actions }: { term: TermView; current: boolean; actions: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="term-card">
      <Flex wrap align="center" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong>{termLabel(t, term)}</Typography.Text>
        {current && <Tag color="green">{t('terms.current')}</Tag>}
        <TermSourceTag term={term} />
      </Flex>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 's', label: t('terms.fields.startDate'), children: term.startDate },
          { key: 'm', label: t('terms.fields.midDate'), children: term.midDate },
          { key: 'e', label: t('terms.fields.endDate'), children: term.endDate },
        ]}
      />
      {actions && (
        <Flex wrap gap={8} style={{ marginTop: 8 }}>
          {actions}
        </Flex>
      )}
    </Card>
  );
}
