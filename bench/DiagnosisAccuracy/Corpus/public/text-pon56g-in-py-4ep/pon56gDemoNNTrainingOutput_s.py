# -*- coding: utf-8 -*-
"""
Created on Fri Apr 12 09:51:15 2019

@author: dongxucz
"""

training_console_output = \
'INFO: epoch 1-1, loss: 0.094 (vt899pondemo)\n\
INFO: epoch 1-599, loss: 0.065 (vt899pondemo)\n\
INFO: epoch 1-1197, loss: 0.030 (vt899pondemo)\n\
INFO: epoch 1-1795, loss: 0.016 (vt899pondemo)\n\
INFO: epoch 1-2393, loss: 0.015 (vt899pondemo)\n\
INFO: epoch 1-2991, loss: 0.014 (vt899pondemo)\n\
INFO: epoch 1-3589, loss: 0.013 (vt899pondemo)\n\
INFO: epoch 1-4187, loss: 0.012 (vt899pondemo)\n\
INFO: epoch 1-4785, loss: 0.012 (vt899pondemo)\n\
INFO: epoch 1-5383, loss: 0.012 (vt899pondemo)\n\
INFO: epoch 1-5981, loss: 0.012 (vt899pondemo)\n\
INFO: epoch 1-6579, loss: 0.012 (vt899pondemo)\n\
INFO: epoch 1-7177, loss: 0.011 (vt899pondemo)\n\
INFO: epoch 1-7775, loss: 0.011 (vt899pondemo)\n\
INFO: epoch 1-8373, loss: 0.012 (vt899pondemo)\n\
INFO: epoch 1-8971, loss: 0.011 (vt899pondemo)\n\
INFO: epoch 1-9569, loss: 0.011 (vt899pondemo)\n\
INFO: epoch 1-10466, loss: 0.011 (vt899pondemo)\n\
INFO: epoch 1-11064, loss: 0.011 (vt899pondemo)\n\
INFO: epoch 1-11662, loss: 0.011 (vt899pondemo)\n\
INFO: epoch 1-12260, loss: 0.011 (vt899pondemo)\n\
INFO: epoch 1-12858, loss: 0.011 (vt899pondemo)\n\
INFO: epoch 1-13456, loss: 0.011 (vt899pondemo)\n\
INFO: epoch 1-14054, loss: 0.011 (vt899pondemo)\n\
INFO: epoch 1-14652, loss: 0.010 (vt899pondemo)\n\
INFO: epoch 1-15250, loss: 0.010 (vt899pondemo)\n\
INFO: 7772\n\
	input=tensor([[-0.2107, -0.0406, -0.2831, -0.4894, -0.2871, -0.0609, -0.0105,  0.1210, 0.2017,  0.0715,  0.1082,  0.0649, -0.0845, -0.0027, -0.0310,  0.0000]], dtype=torch.float64)\n\
	label=0.0\n\
	output=0.50046411456858771.0\n\
INFO: 9053\n\
	input=tensor([[-0.1779,  0.2140,  0.1716, -0.3705, -0.4830, -0.1552,  0.2418,  0.4829, 0.5325,  0.3768,  0.0569, -0.1252, -0.2003, -0.2202,  0.1606,  0.0000]], dtype=torch.float64)\n\
	label=0.0\n\
	output=-0.5087356085560115-1.0\n\
INFO: Accuracy on 9986 test data: 99.9800 %\n\
INFO: epoch 2-1, loss: 0.010 (vt899pondemo)\n\
INFO: epoch 2-599, loss: 0.010 (vt899pondemo)\n\
INFO: epoch 2-1197, loss: 0.010 (vt899pondemo)\n\
INFO: epoch 2-1795, loss: 0.009 (vt899pondemo)\n\
INFO: epoch 2-2393, loss: 0.009 (vt899pondemo)\n\
INFO: epoch 2-2991, loss: 0.009 (vt899pondemo)\n\
INFO: epoch 2-3589, loss: 0.008 (vt899pondemo)\n\
INFO: epoch 2-4187, loss: 0.008 (vt899pondemo)\n\
INFO: epoch 2-4785, loss: 0.008 (vt899pondemo)\n\
INFO: epoch 2-5383, loss: 0.007 (vt899pondemo)\n\
INFO: epoch 2-5981, loss: 0.007 (vt899pondemo)\n\
INFO: epoch 2-6579, loss: 0.007 (vt899pondemo)\n\
INFO: epoch 2-7177, loss: 0.007 (vt899pondemo)\n\
INFO: epoch 2-7775, loss: 0.007 (vt899pondemo)\n\
INFO: epoch 2-8373, loss: 0.006 (vt899pondemo)\n\
INFO: epoch 2-8971, loss: 0.006 (vt899pondemo)\n\
INFO: epoch 2-9569, loss: 0.006 (vt899pondemo)\n\
INFO: epoch 2-10167, loss: 0.006 (vt899pondemo)\n\
INFO: epoch 2-10765, loss: 0.006 (vt899pondemo)\n\
INFO: epoch 2-11363, loss: 0.006 (vt899pondemo)\n\
INFO: epoch 2-11961, loss: 0.005 (vt899pondemo)\n\
INFO: epoch 2-12559, loss: 0.005 (vt899pondemo)\n\
INFO: epoch 2-13157, loss: 0.005 (vt899pondemo)\n\
INFO: epoch 2-13755, loss: 0.005 (vt899pondemo)\n\
INFO: epoch 2-14353, loss: 0.004 (vt899pondemo)\n\
INFO: epoch 2-14951, loss: 0.004 (vt899pondemo)\n\
INFO: Accuracy on 9986 test data: 100.0000 %\n\
INFO: epoch 3-1, loss: 0.004 (vt899pondemo)\n\
INFO: epoch 3-599, loss: 0.004 (vt899pondemo)\n\
INFO: epoch 3-1197, loss: 0.004 (vt899pondemo)\n\
INFO: epoch 3-1795, loss: 0.004 (vt899pondemo)\n\
INFO: epoch 3-2393, loss: 0.003 (vt899pondemo)\n\
INFO: epoch 3-2991, loss: 0.003 (vt899pondemo)\n\
INFO: epoch 3-3589, loss: 0.003 (vt899pondemo)\n\
INFO: epoch 3-4187, loss: 0.003 (vt899pondemo)\n\
INFO: epoch 3-4785, loss: 0.003 (vt899pondemo)\n\
INFO: epoch 3-5383, loss: 0.003 (vt899pondemo)\n\
INFO: epoch 3-5981, loss: 0.003 (vt899pondemo)\n\
INFO: epoch 3-6579, loss: 0.003 (vt899pondemo)\n\
INFO: epoch 3-7177, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 3-7775, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 3-8373, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 3-8971, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 3-9569, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 3-10167, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 3-10765, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 3-11363, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 3-11961, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 3-12559, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 3-13157, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 3-13755, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 3-14353, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 3-14951, loss: 0.002 (vt899pondemo)\n\
INFO: Accuracy on 9986 test data: 100.0000 %\n\
INFO: epoch 4-1, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 4-599, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 4-1197, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 4-1795, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 4-2393, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 4-2991, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 4-3589, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 4-4187, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 4-4785, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 4-5383, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 4-5981, loss: 0.002 (vt899pondemo)\n\
INFO: epoch 4-6579, loss: 0.001 (vt899pondemo)\n\
INFO: epoch 4-7177, loss: 0.001 (vt899pondemo)\n\
INFO: epoch 4-7775, loss: 0.001 (vt899pondemo)\n\
INFO: epoch 4-8373, loss: 0.001 (vt899pondemo)\n\
INFO: epoch 4-8971, loss: 0.001 (vt899pondemo)\n\
INFO: epoch 4-9569, loss: 0.001 (vt899pondemo)\n\
INFO: epoch 4-10167, loss: 0.001 (vt899pondemo)\n\
INFO: epoch 4-10765, loss: 0.001 (vt899pondemo)\n\
INFO: epoch 4-11363, loss: 0.001 (vt899pondemo)\n\
INFO: epoch 4-11961, loss: 0.001 (vt899pondemo)\n\
INFO: epoch 4-12559, loss: 0.001 (vt899pondemo)\n\
INFO: epoch 4-13157, loss: 0.001 (vt899pondemo)\n\
INFO: epoch 4-13755, loss: 0.001 (vt899pondemo)\n\
INFO: epoch 4-14353, loss: 0.001 (vt899pondemo)\n\
INFO: epoch 4-14951, loss: 0.001 (vt899pondemo)\n\
INFO: Accuracy on 9986 test data: 100.0000 %'.split('\n')