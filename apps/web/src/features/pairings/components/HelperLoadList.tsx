import { type PairingKind, pairingKindLabels, userPairingKinds } from '@shouwang/shared/enums/care';
import type { PairingHelperView } from '@shouwang/shared/schemas/pairings';
import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';

/** One helper's load against capacity for each kind a user can take on. */
function HelperLoad({ helper }: { helper: PairingHelperView }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  return (
    <Flex
      vertical
      gap={4}
      style={{ padding: '10px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
      data-testid="pairing-helper"
    >
      <Typography.Text strong>{helper.displayName}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
        {[...new Set(helper.roles.map((r) => r.orgName))].join('、')}
      </Typography.Text>
      <Flex gap={12} wrap>
        {userPairingKinds.map((kind: PairingKind) => {
          const load = helper.load[kind] ?? 0;
          const capacity = helper.capacity[kind] ?? 0;
          const full = capacity > 0 && load >= capacity;
          return (
            <Flex key={kind} vertical style={{ minWidth: 96, flex: '1 1 96px' }}>
              <Typography.Text style={{ fontSize: 12 }} type={full ? 'danger' : 'secondary'}>
                {label(pairingKindLabels, kind)} {load}/{capacity}
                {full ? ` · ${t('care.pairing.full')}` : ''}
              </Typography.Text>
              <Progress
                percent={capacity ? Math.round((load / capacity) * 100) : 0}
                showInfo={false}
                size="small"
                status={full ? 'exception' : 'normal'}
              />
            </Flex>
          );
        })}
      </Flex>
    </Flex>
  );
}

export function HelperLoadList({ helpers }: { helpers: PairingHelperView[] }) {
  return (
    <div>
      {helpers.map((helper) => (
        <HelperLoad key={helper.userId} helper={helper} />
      ))}
    </div>
  );
}
