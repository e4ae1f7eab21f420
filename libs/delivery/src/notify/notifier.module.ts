import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@kuaizhuan/platform';
import { DeliveryConfig } from '../delivery-config';
import { SecretBox } from '../domain/secret-box';
import { DELIVERY_ENTITIES } from '../entities';
import { Notifier } from './notifier';
import { Redelivery } from './redelivery';

/**
 * What both processes need: the entities, delivery's settings, the sealed-secret box and
 * the Notifier. Import it wherever a lib notifies (api or worker).
 */
@Module({
  imports: [TypeOrmModule.forFeature(DELIVERY_ENTITIES)],
  providers: [
    {
      provide: DeliveryConfig,
      inject: [AppConfig],
      useFactory: (app: AppConfig) => DeliveryConfig.load(process.env, app),
    },
    {
      provide: SecretBox,
      inject: [DeliveryConfig],
      useFactory: (config: DeliveryConfig) => new SecretBox(config.secretMaster),
    },
    Notifier,
    Redelivery,
  ],
  exports: [TypeOrmModule, DeliveryConfig, SecretBox, Notifier, Redelivery],
})
export class NotifierModule {}
