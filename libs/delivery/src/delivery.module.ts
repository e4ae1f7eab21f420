import { Module } from '@nestjs/common';
import { AuditLog } from '@kuaizhuan/identity';
import { AdminDeliveriesController } from './admin/admin-deliveries.controller';
import { AdminDeliveriesService } from './admin/admin-deliveries.service';
import { InboxController } from './inbox/inbox.controller';
import { InboxService } from './inbox/inbox.service';
import { NotifierModule } from './notify/notifier.module';
import { PreferencesController } from './preferences/preferences.controller';
import { PreferencesService } from './preferences/preferences.service';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

/** The api side of delivery: inbox, preferences, webhook endpoints and their log, the admin's failed view. */
@Module({
  imports: [NotifierModule],
  controllers: [InboxController, PreferencesController, WebhooksController, AdminDeliveriesController],
  providers: [AuditLog, InboxService, PreferencesService, WebhooksService, AdminDeliveriesService],
  exports: [NotifierModule],
})
export class DeliveryModule {}
