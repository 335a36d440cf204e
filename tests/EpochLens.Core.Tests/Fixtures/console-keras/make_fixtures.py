"""Writes the Keras console-log fixtures byte for byte as the Keras progress bars print them.

Formats followed: tensorflow/python/keras/utils/generic_utils.py Progbar (TF1 / TF2: '[====>....]' bar of width 30,
' - ETA: 5s' while running, ' - 5s 83us/sample' or ' - 1s 2ms/step' at the end, ' - %s: %.4f' per metric,
'\\b' * previous width + '\\r' before each redraw on a terminal), keras/src/utils/progbar.py (Keras 3: ANSI bold
counter, green/white '━' bar of width 20, ' 3s 2ms/step - loss: x'; '\\n' before each update when the output is
not a terminal; verbose=2 'k/N - 3s - 2ms/step - loss: x'), keras/src/callbacks/progbar_logger.py (Keras 3 draws
the last step twice: once from on_train_batch_end, then at on_epoch_end with the val_ metrics) and
keras/engine/training_arrays.py (TF1 'Train on N samples, validate on M samples', verbose=2 ' - 5s - loss: x').
The values are running means of a fixed raw loss sequence, so tests can check them exactly.
"""
import math

def raw_loss(epoch, batch):
    return 2.0 / (1 + 0.1 * (epoch * 100 + batch)) + 0.05 * ((batch * 7) % 5)

def fmt(v):
    return ' %.4f' % v if abs(v) > 1e-3 else ' %.4e' % v

def tf_bar(current, target, width=30):
    numdigits = int(math.log10(target)) + 1
    bar = ('%' + str(numdigits) + 'd/%d [') % (current, target)
    prog_width = int(width * float(current) / target)
    if prog_width > 0:
        bar += '=' * (prog_width - 1)
        bar += '>' if current < target else '='
    bar += '.' * (width - prog_width)
    return bar + ']'

def tf1_samples():
    # TF1, fit on numpy arrays: the counter counts samples; batch size 32, 320 samples -> k = 32, 64, ..., 320.
    out = 'Train on 320 samples, validate on 64 samples\n'
    for epoch in range(3):
        out += 'Epoch %d/3\n' % (epoch + 1)
        prev = 0
        total, count = 0.0, 0
        for b in range(10):
            k = (b + 1) * 32
            total += raw_loss(epoch, b) * 32; count += 32
            mean = total / count
            acc = 0.1 + 0.02 * b + 0.1 * epoch
            line = tf_bar(k, 320)
            if k < 320:
                line += ' - ETA: %ds' % (10 - b)
                line += ' - loss:' + fmt(mean) + ' - acc:' + fmt(acc)
            else:
                line += ' - 1s 3ms/sample - loss:' + fmt(mean) + ' - acc:' + fmt(acc)
                line += ' - val_loss:' + fmt(1.0 - 0.1 * epoch) + ' - val_acc:' + fmt(0.5 + 0.1 * epoch)
            msg = '\b' * prev + '\r' + line
            prev = len(line)
            if k == 320:
                msg += '\n'
            out += msg
    return out

def tf2_steps():
    # TF2 on a terminal: counter counts steps (19 per epoch), redraws joined by backspaces and '\r'.
    out = ''
    for epoch in range(2):
        out += 'Epoch %d/2\n' % (epoch + 1)
        prev = 0
        total = 0.0
        for b in range(19):
            k = b + 1
            total += raw_loss(epoch, b)
            mean = total / k
            line = tf_bar(k, 19)
            if k < 19:
                line += ' - ETA: 0s - loss:' + fmt(mean) + ' - accuracy:' + fmt(0.5)
            else:
                line += ' - 1s 31ms/step - loss:' + fmt(mean) + ' - accuracy:' + fmt(0.5)
                line += ' - val_loss:' + fmt(0.9 - 0.1 * epoch) + ' - val_accuracy:' + fmt(0.6)
            msg = '\b' * prev + '\r' + line
            prev = len(line)
            if k == 19:
                msg += '\n'
            out += msg
    return out

def k3_bar(current, target, width=20):
    numdigits = int(math.log10(target)) + 1
    bar = ('%' + str(numdigits) + 'd/%d') % (current, target)
    bar = '\x1b[1m' + bar + '\x1b[0m '
    prog_width = int(width * float(current) / target)
    if prog_width > 0:
        bar += '\x1b[32m' + '━' * prog_width + '\x1b[0m'
    bar += '\x1b[37m' + '━' * (width - prog_width) + '\x1b[0m'
    return bar

def keras3(dynamic):
    # Keras 3: ANSI codes, '━' bar; dynamic: '\b'*prev + '\r' before each update; otherwise '\n' before each.
    out = ''
    for epoch in range(2):
        out += 'Epoch %d/2\n' % (epoch + 1)
        prev = 0
        total = 0.0
        shown = 0.0
        for b in range(12):
            k = b + 1
            total += raw_loss(epoch, b)
            mean = total / k
            updates = [(mean, False)]
            if k == 12:
                updates.append((mean, True))
            for value, final in updates:
                line = k3_bar(k, 12)
                if not final:
                    line += ' \x1b[1m%ds\x1b[0m' % (12 - k) + ' 25ms/step'
                else:
                    line += ' \x1b[1m0s\x1b[0m 25ms/step'
                line += ' - accuracy:' + fmt(0.7) + ' - loss:' + fmt(value)
                if final:
                    line += ' - val_accuracy:' + fmt(0.75) + ' - val_loss:' + fmt(0.8 - 0.1 * epoch)
                msg = ('\b' * prev + '\r') if dynamic else '\n'
                prev = len(line)
                if final:
                    msg += line + '\n'
                else:
                    msg += line
                out += msg
    return out

def verbose2():
    # TF 2.x verbose=2, then a Keras 3 verbose=2 fit in the same file (two runs).
    out = ''
    for e in range(3):
        out += 'Epoch %d/3\n' % (e + 1)
        out += '1875/1875 - 3s - loss:' + fmt(0.5 - 0.1 * e) + ' - accuracy:' + fmt(0.8 + 0.01 * e) + ' - val_loss:' + fmt(0.45 - 0.05 * e) + ' - val_accuracy:' + fmt(0.82) + ' - 3s/epoch - 2ms/step\n'
    for e in range(2):
        out += 'Epoch %d/2\n' % (e + 1)
        out += '938/938 - 2s - 2ms/step - accuracy:' + fmt(0.85) + ' - loss:' + fmt(0.4 - 0.1 * e) + '\n'
    return out

def tf1_verbose2():
    out = 'Train on 60000 samples, validate on 10000 samples\n'
    for e in range(2):
        out += 'Epoch %d/2\n' % (e + 1)
        out += ' - 5s - loss:' + fmt(0.4957 - 0.1 * e) + ' - acc:' + fmt(0.8256) + ' - val_loss:' + fmt(0.41) + ' - val_acc:' + fmt(0.85) + '\n'
    return out

def notebook_two_runs():
    # A notebook copy (Keras 3 without a terminal: '\n' before each update, colours lost in the copy),
    # two fit calls and an evaluate() bar in between that is not training progress.
    out = ''
    for run in range(2):
        for epoch in range(2):
            out += 'Epoch %d/2\n' % (epoch + 1)
            total = 0.0
            for b in range(5):
                k = b + 1
                total += raw_loss(epoch + 3 * run, b)
                line = '%d/5 ' % k + '━' * (4 * k) + '━' * (20 - 4 * k) + ' 0s 10ms/step - loss:' + fmt(total / k)
                if k == 5:
                    line += ' - val_loss:' + fmt(0.7 - 0.1 * epoch - 0.2 * run)
                out += line + '\n'
        out += '3/3 ━━━━━━━━━━━━━━━━━━━━ 0s 5ms/step - loss: 0.6500\n'
    return out

for name, text in [('tf1_samples.log', tf1_samples()), ('tf2_steps.log', tf2_steps()),
                   ('keras3_terminal.log', keras3(True)), ('keras3_notebook.log', keras3(False)),
                   ('verbose2_two_runs.log', verbose2()), ('tf1_verbose2.log', tf1_verbose2()),
                   ('notebook_two_runs.log', notebook_two_runs())]:
    with open(name, 'w', encoding='utf-8', newline='') as f:
        f.write(text)
