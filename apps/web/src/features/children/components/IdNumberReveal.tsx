import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevealIdNumber } from '../api';

/** The masked ID number; the full one on request for users allowed to read it (the read is audited). */
export function IdNumberReveal({
  childId,
  masked,
  canReveal,
}: {
  childId: string;
  masked: string | null;
  canReveal: boolean;
}) {
  const { t } = useTranslation();
  const reveal = useRevealIdNumber();
  const [full, setFull] = useState<string | null>(null);
  if (!masked) return <Typography.Text type="secondary">{t('children.idNumber.none')}</Typography.Text>;
  return (
    <Flex align="center" gap={4} wrap>
      <Typography.Text copyable={full ? { text: full } : false} data-testid="child-id-number-value">
        {full ?? masked}
      </Typography.Text>
      {canReveal && (
        <Tooltip title={t('children.idNumber.audited')}>
          <Button
            type="link"
            size="small"
            icon={full ? <EyeInvisibleOutlined /> : <EyeOutlined />}
            loading={reveal.isPending}
            onClick={() => (full ? setFull(null) : reveal.mutate(childId, { onSuccess: (r) => setFull(r.idNumber) }))}
            data-testid="child-id-reveal"
          >
            {full ? t('children.idNumber.hide') : t('children.idNumber.reveal')}
          </Button>
        </Tooltip>
      )}
    </Flex>
  );
}
