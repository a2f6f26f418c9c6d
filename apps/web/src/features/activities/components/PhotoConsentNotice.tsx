import type { ActivityView } from '@shouwang/shared/schemas/activities';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A participant's guardian withdrew photo consent: organizers are asked to delete the photos that
 * show the child (the others no longer see them); everyone else learns photos were held back.
 */
export function PhotoConsentNotice({ withdrawn }: { withdrawn: NonNullable<ActivityView['photoConsentWithdrawn']> }) {
  const { t } = useTranslation();
  const text =
    withdrawn.photosHidden > 0
      ? t('privacy.gallery.hidden', { count: withdrawn.photosHidden })
      : withdrawn.names.length > 0
        ? t('privacy.gallery.organizer', { names: withdrawn.names.join('、') })
        : t('privacy.gallery.organizerOther', { count: withdrawn.count });
  return (
    <Alert
      type="warning"
      showIcon
      title={text}
      style={{ marginBottom: 8, fontSize: 13 }}
      data-testid="photo-consent-withdrawn"
    />
  );
}
