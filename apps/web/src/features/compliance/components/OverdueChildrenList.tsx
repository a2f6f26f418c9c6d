import type { ComplianceChildrenResponse } from '@shouwang/shared/schemas/compliance';
import { Button, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type Child = ComplianceChildrenResponse['rules'][number]['children'][number];

const shown = 5;
/** The latest missed periods shown per child (a weekly duty can miss a dozen). */
const recent = 3;

/** 未完成名单: each child behind the rate, with the periods that ended without a record. */
export function OverdueChildrenList({ items }: { items: Child[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const day = (iso: string) => dayjs(iso).format(t('careAdmin.calendar.dayFormat'));
  if (items.length === 0)
    return (
      <Typography.Text type="success" data-testid="compliance-none-overdue">
        {t('careAdmin.compliance.noneOverdue')}
      </Typography.Text>
    );
  return (
    <div>
      <Typography.Text strong>{t('careAdmin.compliance.overdueChildren', { count: items.length })}</Typography.Text>
      {(all ? items : items.slice(0, shown)).map((child) => (
        <Flex
          key={child.id}
          vertical
          gap={4}
          style={{ padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
          data-testid="compliance-overdue-child"
        >
          <Flex gap={8} align="baseline" wrap>
            <Link to={`/children/${child.id}?tab=care`}>{child.name}</Link>
            {child.className && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {child.className}
              </Typography.Text>
            )}
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t('careAdmin.compliance.missed', { count: child.missed.length })}
            </Typography.Text>
          </Flex>
          <Flex gap={4} wrap>
            {child.missed.length > recent && (
              <Tag style={{ marginInlineEnd: 0, fontSize: 12 }} bordered={false}>
                {t('careAdmin.compliance.earlier', { count: child.missed.length - recent })}
              </Tag>
            )}
            {child.missed.slice(-recent).map((p) => (
              <Tag key={p.start} style={{ marginInlineEnd: 0, fontSize: 12 }}>
                {p.start === p.end
                  ? day(p.start)
                  : t('careAdmin.calendar.range', { from: day(p.start), to: day(p.end) })}
              </Tag>
            ))}
          </Flex>
        </Flex>
      ))}
      {items.length > shown && (
        <Button type="link" style={{ paddingInline: 0 }} onClick={() => setAll(!all)}>
          {all ? t('careAdmin.compliance.showLess') : t('careAdmin.compliance.showAll', { count: items.length })}
        </Button>
      )}
    </div>
  );
}
