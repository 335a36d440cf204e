"""Writes the OpenMMLab log fixtures as the loggers print them.

Formats followed: mmengine/runner/log_processor.py (get_log_after_iter: 'Epoch(train)' + the epoch right-aligned to
len(str(max_epochs)) + 3 + '[i/N]' with i right-aligned, two spaces, lr keys joined by one space, 'eta: ' + str(timedelta),
'time'/'data_time' with 4 decimals, 'memory', then the other keys joined by two spaces; by_epoch=False: 'Iter(train) [i/M]';
get_log_after_epoch: 'Epoch(val) [e][N/N]  ' then two more spaces and the metrics with data_time/time last),
mmengine/logging/logger.py (file format '%(asctime)s - %(name)s - %(levelname)s - %(message)s', datefmt '%Y/%m/%d %H:%M:%S'),
and mmcv 1.x mmcv/runner/hooks/logger/text.py (_log_info: 'Epoch [e][i/N]\\t' + 'lr: %.3e, ' + 'eta: ..., ' +
'time: %.3f, data_time: %.3f, ' + 'memory: ..., ' + ', '.join('name: %.4f'); validation 'Epoch(val) [e][i]\\t...')
with Python logging's default asctime '2021-01-01 00:00:00,000'.
"""
import datetime

def loss_at(step):
    return 1.5 / (1 + step / 400.0)

def mmengine_epoch():
    t = datetime.datetime(2023, 5, 1, 12, 0, 0)
    out = []
    def log(msg, level='INFO'):
        nonlocal t
        out.append('%s - mmengine - %s - %s' % (t.strftime('%Y/%m/%d %H:%M:%S'), level, msg))
    log('')
    out.append('------------------------------------------------------------')
    out.append('System environment:')
    out.append('    sys.platform: linux')
    out.append('    Python: 3.10.12 (main, Jun 11 2023, 05:26:28) [GCC 11.4.0]')
    out.append('------------------------------------------------------------')
    log('Config:')
    out.append("train_cfg = dict(type='EpochBasedTrainLoop', max_epochs=12, val_interval=1)")
    out.append("log_processor = dict(type='LogProcessor', window_size=50, by_epoch=True)")
    log('Checkpoints will be saved to /work/dirs/faster-rcnn.', 'INFO')
    n = 200
    for epoch in range(1, 4):
        for i in range(50, n + 1, 50):
            t += datetime.timedelta(seconds=23)
            step = (epoch - 1) * n + i
            loss = loss_at(step)
            eta = datetime.timedelta(seconds=int((12 * n - step) * 0.4567))
            msg = 'Epoch(train)%s[%s/%d]  ' % (('[%d]' % epoch).rjust(len('12') + 3), str(i).rjust(len(str(n))), n)
            msg += 'base_lr: %.4e lr: %.4e  ' % (0.02, 0.02 * min(1.0, step / 500.0))
            msg += 'eta: %s  time: %.4f  data_time: %.4f  memory: %d  ' % (eta, 0.4567, 0.0123, 3210)
            items = ['grad_norm: %.4f' % (5.0 + step / 1000.0), 'loss: %.4f' % loss, 'loss_rpn_cls: %.4f' % (loss * 0.2),
                     'loss_rpn_bbox: %.4f' % (loss * 0.1), 'loss_cls: %.4f' % (loss * 0.4), 'acc: %.4f' % (90.0 + epoch),
                     'loss_bbox: %.4f' % (loss * 0.3)]
            log(msg + '  '.join(items))
        log('Exp name: faster-rcnn_r50_fpn_1x_coco_20230501_120000')
        log('Saving checkpoint at %d epochs' % epoch)
        for i in range(25, 51, 25):
            log('Epoch(val)  [%d][%s/50]    eta: 0:00:%02d  time: 0.0500  data_time: 0.0020  memory: 512' % (epoch, str(i).rjust(2), 50 - i))
        out.append('Evaluating bbox...')
        log('Epoch(val) [%d][50/50]    coco/bbox_mAP: %.4f  coco/bbox_mAP_50: %.4f  data_time: 0.0020  time: 0.0500' % (epoch, 0.1 * epoch, 0.2 * epoch))
    return '\n'.join(out) + '\n'

def mmengine_iter():
    t = datetime.datetime(2023, 6, 2, 8, 30, 0)
    out = []
    def log(msg):
        out.append('%s - mmengine - INFO - %s' % (t.strftime('%Y/%m/%d %H:%M:%S'), msg))
    log('Checkpoints will be saved to /work/dirs/deeplabv3.')
    m = 1000
    for i in range(50, m + 1, 50):
        t += datetime.timedelta(seconds=20)
        loss = loss_at(i)
        msg = 'Iter(train) [%s/%d]  lr: %.4e  eta: %s  time: %.4f  data_time: %.4f  memory: %d  ' % (
            str(i).rjust(len(str(m))), m, 0.01 * (1 - i / m) ** 0.9, datetime.timedelta(seconds=int((m - i) * 0.4)), 0.4, 0.01, 5000)
        items = ['loss: %.4f' % loss, 'decode.loss_ce: %.4f' % (loss * 0.7), 'decode.acc_seg: %.4f' % (70.0 + i / 100.0),
                 'aux.loss_ce: %.4f' % (loss * 0.3)]
        log(msg + '  '.join(items))
        if i % 500 == 0:
            log('Iter(val) [50/50]    aAcc: %.4f  mIoU: %.4f  mAcc: %.4f  data_time: 0.0030  time: 0.1200' % (80.0 + i / 100, 40.0 + i / 100, 50.0))
    return '\n'.join(out) + '\n'

def mmcv_epoch():
    t = datetime.datetime(2021, 1, 1, 0, 0, 0)
    out = []
    def log(msg):
        out.append('%s,%03d - mmdet - INFO - %s' % (t.strftime('%Y-%m-%d %H:%M:%S'), 0, msg))
    log('Environment info:')
    out.append('------------------------------------------------------------')
    out.append('sys.platform: linux')
    out.append('------------------------------------------------------------')
    log('Start running, host: user@node, work_dir: /work/dirs/retinanet')
    n = 200
    for epoch in range(1, 3):
        for i in range(50, n + 1, 50):
            t += datetime.timedelta(seconds=23)
            step = (epoch - 1) * n + i
            loss = loss_at(step)
            eta = datetime.timedelta(seconds=int((12 * n - step) * 40))
            msg = 'Epoch [%d][%d/%d]\tlr: %.3e, eta: %s, time: %.3f, data_time: %.3f, memory: %d, ' % (epoch, i, n, 0.02, eta, 0.457, 0.012, 3210)
            items = ['loss_rpn_cls: %.4f' % (loss * 0.2), 'loss_rpn_bbox: %.4f' % (loss * 0.1), 'loss_cls: %.4f' % (loss * 0.4),
                     'acc: %.4f' % 90.1, 'loss_bbox: %.4f' % (loss * 0.3), 'loss: %.4f' % loss]
            log(msg + ', '.join(items))
        log('Saving checkpoint at %d epochs' % epoch)
        out.append('[>>>>>>>>>>>>>>>>>>>>>>>>>>>>>] 500/500, 25.0 task/s, elapsed: 20s, ETA:     0s')
        log('Evaluating bbox...')
        log('Epoch(val) [%d][500]\tbbox_mAP: %.4f, bbox_mAP_50: %.4f, bbox_mAP_copypaste: %.3f %.3f 0.050 0.010 0.080 0.150' % (epoch, 0.1 * epoch, 0.2 * epoch, 0.1 * epoch, 0.2 * epoch))
    return '\n'.join(out) + '\n'

for name, text in [('mmengine_epoch.log', mmengine_epoch()), ('mmengine_iter.log', mmengine_iter()), ('mmdet2_epoch.log', mmcv_epoch())]:
    with open(name, 'w', encoding='utf-8', newline='') as f:
        f.write(text)
