import { CameraOutlined, UserOutlined } from '@ant-design/icons';
import type { ChildView } from '@shouwang/shared/schemas/children';
import { App, Avatar, Button, Flex, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConsentBlocked } from '../../privacy/hooks/useConsentBlocked';
import { useSetChildPhoto } from '../api';

/** The child's photo (served by the API with the session cookie) and, for editors, a way to change it. */
export function ChildPhoto({ child, size }: { child: ChildView; size: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setPhoto = useSetChildPhoto();
  const consentBlocked = useConsentBlocked();
  return (
    <Flex vertical align="center" gap={4}>
      <Avatar
        size={size}
        shape="square"
        icon={<UserOutlined />}
        src={child.photoAttachmentId ? `/api/attachments/${child.photoAttachmentId}` : undefined}
        alt={child.name}
        data-testid="child-photo"
      />
      {child.abilities.update && (
        <Upload
          accept="image/jpeg,image/png"
          showUploadList={false}
          beforeUpload={(file) => {
            setPhoto.mutate(
              { child, file },
              {
                onSuccess: () => message.success(t('children.photo.saved')),
                onError: (e) => {
                  if (!consentBlocked(e)) message.error(e.message);
                },
              },
            );
            return false;
          }}
        >
          <Button size="small" type="link" icon={<CameraOutlined />} loading={setPhoto.isPending}>
            {child.photoAttachmentId ? t('children.photo.change') : t('children.photo.add')}
          </Button>
        </Upload>
      )}
    </Flex>
  );
}
